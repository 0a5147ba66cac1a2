package loginbot.dialogue;

import java.util.Locale;
import java.util.Optional;

/**
 * A button payload, recognised before any intent: {@code /case <id>}, {@code /yes}, {@code /no},
 * {@code /role customer|professional}, {@code /human}, {@code /menu}, {@code /rate 1..5}, and Rasa
 * clients' {@code /restart} and {@code /get_started}.
 */
sealed interface Command {

  /** Start a case of the article. */
  record StartCase(String caseId) implements Command {}

  /** Yes or No to the bot's last question. */
  record Answer(boolean yes) implements Command {}

  /** The user says who they are. */
  record ChooseRole(Role role) implements Command {}

  /** Talk to a person now. */
  record Human() implements Command {}

  /** Show the main problems again. */
  record Menu() implements Command {}

  /** Start over: a new episode (Rasa's {@code /restart}). */
  record Restart() implements Command {}

  /**
   * The first message of a client that opens the chat (Rasa's {@code /get_started}): a greeting.
   */
  record GetStarted() implements Command {}

  /** A 1–5 satisfaction rating. */
  record Rate(int stars) implements Command {}

  /** Reads a payload; empty when the text is not one (it then goes through the intent). */
  static Optional<Command> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (!t.startsWith("/")) {
      return Optional.empty();
    }
    String[] parts = t.substring(1).split("\\s+", 2);
    String arg = parts.length > 1 ? parts[1].trim() : "";
    switch (parts[0]) {
      case "case":
        return arg.matches("[a-z0-9_]+") ? Optional.of(new StartCase(arg)) : Optional.empty();
      case "yes":
        return Optional.of(new Answer(true));
      case "no":
        return Optional.of(new Answer(false));
      case "role":
        return Role.fromCode(arg).map(ChooseRole::new);
      case "human":
        return Optional.of(new Human());
      case "menu":
        return Optional.of(new Menu());
      case "restart":
        return Optional.of(new Restart());
      case "get_started":
        return Optional.of(new GetStarted());
      case "rate":
        return arg.matches("[1-5]")
            ? Optional.of(new Rate(Integer.parseInt(arg)))
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  static String startCase(String caseId) {
    return "/case " + caseId;
  }

  static String role(Role role) {
    return "/role " + role.code();
  }

  static String rate(int stars) {
    return "/rate " + stars;
  }

  String YES = "/yes";
  String NO = "/no";
  String HUMAN = "/human";
  String MENU = "/menu";
}
