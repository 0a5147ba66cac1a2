package loginbot.handoff;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.RoleSource;
import loginbot.nlu.Language;

/**
 * A handoff packet as markdown for a human agent (a Chatwoot private note, an e-mail, a ticket):
 * why the bot handed off, who the user is, what was tried, and the last messages, passwords masked.
 * Text that came from the user is escaped so it cannot change the note's formatting.
 */
public final class HandoffNote {
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private HandoffNote() {}

  public static String render(HandoffPacket p) {
    StringBuilder md = new StringBuilder();
    md.append("**Bot handoff:** ").append(reason(p.reason())).append("\n\n");
    if (p.summary() != null && !p.summary().isBlank()) {
      md.append("**Summary:** ").append(escape(p.summary())).append("\n\n");
    }
    md.append("- **Role:** ").append(p.role() == null ? "unknown" : p.role().code());
    if (p.role() != null) {
      RoleSource.describe(p.facts()).ifPresent(how -> md.append(" (").append(how).append(')'));
    }
    md.append('\n');
    md.append("- **Language:** ").append(language(p.language())).append('\n');
    md.append("- **Case:** ")
        .append(p.caseId() == null ? "none identified" : escape(p.caseId()))
        .append('\n');
    if (p.identifier() != null && !p.identifier().isBlank()) {
      md.append("- **Username or e-mail given:** ").append(escape(p.identifier())).append('\n');
    }
    if (p.at() != null) {
      md.append("- **Handed off:** ").append(AT.format(p.at())).append('\n');
    }
    if (!p.steps().isEmpty()) {
      md.append("\n**Steps tried**\n");
      int n = 1;
      for (HandoffPacket.StepTried step : p.steps()) {
        md.append(n++).append(". ").append(escape(step.step()));
        if (step.outcome() != null && !step.outcome().isBlank()) {
          md.append(" — ").append(escape(step.outcome()));
        }
        md.append('\n');
      }
    }
    if (p.facts().keySet().stream().anyMatch(k -> !k.equals(RoleSource.FACT))) {
      md.append("\n**What the user told us**\n");
      Map<String, String> told = new TreeMap<>(p.facts());
      told.remove(RoleSource.FACT);
      for (Map.Entry<String, String> fact : told.entrySet()) {
        md.append("- ")
            .append(escape(fact.getKey()))
            .append(": ")
            .append(escape(fact.getValue()))
            .append('\n');
      }
    }
    if (!p.lastMessages().isEmpty()) {
      md.append("\n**Last messages** (passwords masked)\n");
      for (String message : p.lastMessages()) {
        md.append("> ").append(escape(message).replace("\n", "\n> ")).append('\n');
      }
    }
    return md.toString().stripTrailing();
  }

  static String reason(HandoffPacket.Reason reason) {
    return switch (reason) {
      case USER_ASKED -> "the user asked for a person.";
      case STEPS_EXHAUSTED -> "the help-center steps did not solve it.";
      case NOT_UNDERSTOOD -> "the bot could not understand the user.";
      case SUPPORT_ACTION -> "only support can do what is needed.";
      default -> reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".";
    };
  }

  private static String language(Language language) {
    if (language == null) {
      return "unknown";
    }
    // The note is for agents, in English: the language's English name from the JDK, whatever it is.
    String name = language.locale().getDisplayLanguage(Locale.ENGLISH);
    return name.isEmpty() || name.equals(language.code())
        ? language.code()
        : name + " (" + language.code() + ")";
  }

  /** Backslash-escapes markdown syntax, so "alain_sirois" is not half in italics. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char ch : text.toCharArray()) {
      if ("\\`*_[]<>#|~".indexOf(ch) >= 0) {
        out.append('\\');
      }
      out.append(ch);
    }
    return out.toString();
  }
}
