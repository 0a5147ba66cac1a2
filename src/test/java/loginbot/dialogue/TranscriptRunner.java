package loginbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import loginbot.MutableClock;
import loginbot.TestBot;
import loginbot.channel.ConversationService;
import loginbot.channel.InboundMessage;
import loginbot.channel.TurnOutcome;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.handoff.SupportHours;
import loginbot.nlu.Language;
import loginbot.nlu.Nlu;
import loginbot.store.ConversationRecord;
import loginbot.store.InMemoryStore;
import loginbot.store.TranscriptEntry;

/**
 * Plays a transcript file through the real service, store, masker, dialogue and NLU. Lines: {@code
 * > text} (user), {@code > [meta role=.. lang=..]}, {@code < contains: ..}, {@code < not-contains:
 * ..}, {@code < buttons: A, B} (or {@code A | B}), {@code < silent}, {@code = key: value} (state,
 * packet and transcript checks), {@code @ at <instant>}, {@code @ support_hours <spec>}, {@code @
 * handback}, {@code @ close}, {@code ---} (new conversation), {@code #} comments.
 */
public final class TranscriptRunner {
  static final String SUPPORT_EMAIL = "help@loginbot.test";
  static final Instant DEFAULT_NOW =
      Instant.parse("2025-03-05T15:00:00Z"); // a Wednesday, 10:00 in Toronto

  private final Supplier<Nlu> nlu;
  private final ContentCatalog content;

  public TranscriptRunner(Supplier<Nlu> nlu, ContentCatalog content) {
    this.nlu = nlu;
    this.content = content;
  }

  /**
   * Runs every conversation of the file; fails with the file name and line of the first broken
   * expectation.
   */
  public void run(String name, List<String> lines) {
    SupportHours hours = SupportHours.alwaysOpen();
    Session session = null;
    int conversation = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      String where = name + ":" + (i + 1);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("@ support_hours ")) {
        hours = SupportHours.parse(line.substring("@ support_hours ".length()));
        session = null;
        continue;
      }
      if (line.equals("---")) {
        session = null;
        continue;
      }
      if (session == null) {
        session = new Session(name + "#" + (++conversation), hours);
      }
      session.step(line, where);
    }
    if (conversation == 0) {
      fail(name + ": no conversation in the file");
    }
  }

  /** One conversation: a fresh store and service. */
  private final class Session {
    private final String id;
    private final MutableClock clock = new MutableClock(DEFAULT_NOW);
    private final InMemoryStore store = new InMemoryStore(clock);
    private final ConversationService service;
    private Optional<Role> role = Optional.empty();
    private Optional<Language> language = Optional.empty();
    private TurnOutcome last;
    private String lastInput;

    Session(String id, SupportHours hours) {
      this.id = id;
      this.service =
          TestBot.builder()
              .clock(clock)
              .store(store)
              .nlu(nlu.get())
              .content(content)
              .supportHours(hours)
              .supportEmail(SUPPORT_EMAIL)
              .build()
              .service;
    }

    void step(String line, String where) {
      if (line.startsWith("> [meta")) {
        meta(line.substring("> [meta".length(), line.lastIndexOf(']')).trim(), where);
      } else if (line.startsWith("> ")) {
        lastInput = line.substring(2);
        last = service.handle(new InboundMessage("test", id, null, lastInput, role, language));
      } else if (line.equals("@ handback")) {
        lastInput = "(agent hands back)";
        last = service.handBack(id, "agent");
      } else if (line.equals("@ close")) {
        lastInput = "(agent closes)";
        last = service.close(id, "agent");
      } else if (line.startsWith("@ at ")) {
        clock.set(Instant.parse(line.substring("@ at ".length()).trim()));
      } else if (line.startsWith("< ")) {
        expectReply(line.substring(2), where);
      } else if (line.startsWith("= ")) {
        expectState(line.substring(2), where);
      } else {
        fail(where + ": cannot read line '" + line + "'");
      }
    }

    private void meta(String spec, String where) {
      for (String pair : spec.split("\\s+")) {
        if (pair.isEmpty()) {
          continue;
        }
        String[] kv = pair.split("=", 2);
        if (kv[0].equals("role")) {
          role =
              kv[1].equals("-")
                  ? Optional.empty()
                  : Optional.of(
                      Role.fromCode(kv[1])
                          .orElseThrow(() -> new AssertionError(where + ": role?")));
        } else if (kv[0].equals("lang")) {
          language =
              kv[1].equals("-")
                  ? Optional.empty()
                  : Optional.of(
                      Language.fromCode(kv[1]).orElseThrow(() -> new AssertionError(where)));
        } else {
          fail(where + ": unknown meta '" + pair + "'");
        }
      }
    }

    private void expectReply(String expectation, String where) {
      assertThat(last).as(where + ": nothing was said yet").isNotNull();
      List<Action.Reply> replies = last.replies();
      String shown = where + " after '" + lastInput + "', replies were:\n" + render(replies);
      if (expectation.equals("silent")) {
        assertThat(replies).as(shown).isEmpty();
      } else if (expectation.startsWith("contains: ")) {
        String wanted = expectation.substring("contains: ".length());
        assertThat(replies.stream().anyMatch(r -> r.text().contains(wanted)))
            .as(shown + "\nmissing: " + wanted)
            .isTrue();
      } else if (expectation.startsWith("not-contains: ")) {
        String unwanted = expectation.substring("not-contains: ".length());
        assertThat(replies.stream().noneMatch(r -> r.text().contains(unwanted)))
            .as(shown + "\nunwanted: " + unwanted)
            .isTrue();
      } else if (expectation.startsWith("buttons: ")) {
        // Titles are separated by ", " or, when a title holds a comma, by " | ".
        String list = expectation.substring("buttons: ".length());
        List<String> wanted =
            List.of(list.split(list.contains(" | ") ? "\\s+\\|\\s+" : "\\s*,\\s*"));
        List<String> titles =
            replies.stream()
                .filter(r -> !r.buttons().isEmpty())
                .reduce((a, b) -> b)
                .map(r -> r.buttons().stream().map(Button::title).toList())
                .orElse(List.of());
        assertThat(titles).as(shown).isEqualTo(wanted);
      } else {
        fail(where + ": unknown reply expectation '" + expectation + "'");
      }
    }

    private void expectState(String expectation, String where) {
      int colon = expectation.indexOf(": ");
      String key = expectation.substring(0, colon);
      String wanted = expectation.substring(colon + 2);
      ConversationRecord record =
          store.find(id).orElseThrow(() -> new AssertionError(where + ": no conversation"));
      Map<String, Object> actual = observe(record);
      if (key.endsWith(" contains")) {
        String field = key.substring(0, key.length() - " contains".length());
        assertThat(String.valueOf(actual.get(field))).as(where + " " + field).contains(wanted);
      } else if (key.endsWith(" not-contains")) {
        String field = key.substring(0, key.length() - " not-contains".length());
        assertThat(String.valueOf(actual.get(field)))
            .as(where + " " + field)
            .doesNotContain(wanted);
      } else {
        assertThat(actual).as(where + ": unknown key '" + key + "'").containsKey(key);
        assertThat(String.valueOf(actual.get(key)))
            .as(where + " " + key + " in " + actual)
            .isEqualTo(wanted);
      }
    }

    private Map<String, Object> observe(ConversationRecord record) {
      ConversationState s = record.state();
      Map<String, Object> values = new HashMap<>();
      values.put("status", s.status().code());
      values.put("role", s.role() == null ? "null" : s.role().code());
      values.put("language", s.language() == null ? "null" : s.language().code());
      values.put("case", String.valueOf(s.caseId()));
      values.put("step", String.valueOf(s.stepId()));
      values.put("resolved", s.resolved());
      values.put("helpful", String.valueOf(s.helpful()));
      values.put("rating", String.valueOf(s.rating()));
      values.put("not_understood", s.notUnderstoodInRow());
      values.put("episodes", store.episodes(id).size());
      values.put(
          "episode.outcomes",
          store.episodes(id).stream().map(e -> String.valueOf(e.outcome())).toList());
      s.facts().forEach((k, v) -> values.put("facts." + k, v));
      values.put("facts", s.facts());
      List<String> transcript = new ArrayList<>();
      for (TranscriptEntry e : store.transcript(id, 0)) {
        transcript.add(e.author() + ": " + e.text());
      }
      values.put("transcript", String.join("\n", transcript));
      record
          .handoff()
          .ifPresent(
              p -> {
                values.put("packet.reason", p.reason().name());
                values.put("packet.role", p.role() == null ? "null" : p.role().code());
                values.put("packet.language", p.language().code());
                values.put("packet.case", String.valueOf(p.caseId()));
                values.put("packet.identifier", String.valueOf(p.identifier()));
                values.put(
                    "packet.steps",
                    p.steps().stream().map(t -> t.step() + " (" + t.outcome() + ")").toList());
                values.put("packet.step_count", p.steps().size());
                p.facts().forEach((k, v) -> values.put("packet.facts." + k, v));
                values.put("packet.facts", p.facts());
                values.put("packet.lastMessages", String.join("\n", p.lastMessages()));
                values.put("packet.summary", p.summary());
              });
      return values;
    }
  }

  static String render(List<Action.Reply> replies) {
    StringBuilder out = new StringBuilder();
    for (Action.Reply r : replies) {
      out.append("  | ").append(r.text());
      if (!r.buttons().isEmpty()) {
        out.append("  ").append(r.buttons().stream().map(b -> "[" + b.title() + "]").toList());
      }
      out.append('\n');
    }
    return out.toString();
  }
}
