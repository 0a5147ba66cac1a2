package loginbot.channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import loginbot.dialogue.Action;
import loginbot.dialogue.Button;
import loginbot.dialogue.Role;
import loginbot.dialogue.Status;
import loginbot.nlu.Language;

/**
 * {@code loginbot chat [--role customer|professional] [--lang en|fr]}: talk to the bot in a
 * terminal, through the same service as every channel. Buttons are numbered; typing a number
 * selects that button.
 */
public final class ChatCommand {
  static final String USAGE = "usage: loginbot chat [--role customer|professional] [--lang en|fr]";

  private ChatCommand() {}

  /**
   * Runs until end of input or {@code /quit}; returns the process exit code (2 for bad arguments).
   */
  public static int run(
      List<String> args, ConversationService service, InputStream in, PrintStream out) {
    Optional<Role> role = Optional.empty();
    Optional<Language> language = Optional.empty();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String value = i + 1 < args.size() ? args.get(i + 1) : null;
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println(USAGE);
        return 0;
      } else if (arg.equals("--role") && value != null && Role.fromCode(value).isPresent()) {
        role = Role.fromCode(value);
        i++;
      } else if (arg.equals("--lang") && value != null && Language.fromCode(value).isPresent()) {
        language = Language.fromCode(value);
        i++;
      } else {
        out.println("chat: unexpected argument '" + arg + (value == null ? "" : " " + value) + "'");
        out.println(USAGE);
        return 2;
      }
    }
    String conversationId = "chat-" + UUID.randomUUID();
    out.println(
        "loginbot chat: type a message, or a number to pick a button; /quit or Ctrl-D to leave.");
    try {
      converse(
          service,
          conversationId,
          role,
          language,
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
          out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the terminal", e);
    }
    return 0;
  }

  private static void converse(
      ConversationService service,
      String conversationId,
      Optional<Role> role,
      Optional<Language> language,
      BufferedReader reader,
      PrintStream out)
      throws IOException {
    List<Button> buttons = List.of();
    int sent = 0;
    while (true) {
      out.print("you> ");
      out.flush();
      String line = reader.readLine();
      if (line == null) {
        out.println();
        return;
      }
      String text = line.strip();
      if (text.equals("/quit") || text.equals("/exit")) {
        return;
      }
      if (text.isEmpty()) {
        continue;
      }
      Optional<Button> chosen = pick(text, buttons);
      chosen.ifPresent(b -> out.println("     (" + b.title() + ")"));
      TurnOutcome outcome =
          service.handle(
              new InboundMessage(
                  "chat",
                  conversationId,
                  "chat-" + (++sent),
                  chosen.map(Button::payload).orElse(text),
                  role,
                  language));
      print(outcome, out);
      buttons =
          outcome.replies().stream()
              .filter(r -> !r.buttons().isEmpty())
              .reduce((a, b) -> b)
              .map(Action.Reply::buttons)
              .orElse(List.of());
    }
  }

  private static Optional<Button> pick(String text, List<Button> buttons) {
    if (!text.matches("\\d{1,2}")) {
      return Optional.empty();
    }
    int index = Integer.parseInt(text);
    return index >= 1 && index <= buttons.size()
        ? Optional.of(buttons.get(index - 1))
        : Optional.empty();
  }

  private static void print(TurnOutcome outcome, PrintStream out) {
    for (Action.Reply reply : outcome.replies()) {
      out.println("bot> " + reply.text());
      if (!reply.buttons().isEmpty()) {
        StringBuilder line = new StringBuilder("    ");
        for (int i = 0; i < reply.buttons().size(); i++) {
          line.append(" [").append(i + 1).append("] ").append(reply.buttons().get(i).title());
        }
        out.println(line);
      }
    }
    outcome
        .handoff()
        .ifPresent(p -> out.println("     (handed over to a person: " + p.reason() + ")"));
    if (outcome.replies().isEmpty() && outcome.status() == Status.HANDOFF) {
      out.println("     (a person owns this conversation now; the bot stays silent)");
    }
  }
}
