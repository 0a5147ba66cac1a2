package loginbot.dialogue.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loginbot.dialogue.Role;
import loginbot.nlu.Intent;
import loginbot.nlu.Language;

/**
 * Checks parsed content before the bot starts; every problem names its file and what is missing.
 */
final class ContentValidator {
  static final Set<String> PLACEHOLDERS =
      Set.of("supportEmail", "backAt", "shown", "email", "agent", "link");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
  private static final Pattern MENU = Pattern.compile("\\{menu(?::([a-z0-9_]+))?}");
  private static final Pattern ID = Pattern.compile("[a-z0-9_]+");

  private final List<String> problems = new ArrayList<>();
  private final Vocabulary vocabulary;

  private ContentValidator(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** Throws {@link IllegalStateException} listing every problem found. */
  static void validate(
      ContentFiles.Index index,
      ContentFiles.SystemTexts system,
      Map<String, CaseSpec> cases,
      Vocabulary vocabulary,
      Map<Language, Lexicon> words,
      List<String> earlier) {
    ContentValidator v = new ContentValidator(vocabulary);
    v.problems.addAll(earlier);
    v.index(index, cases);
    v.system(system, index);
    Map<String, String> intentOwner = new HashMap<>();
    for (String id : index.cases()) {
      CaseSpec spec = cases.get(id);
      if (spec != null) {
        v.caseSpec(ContentLoader.caseFile(id), id, spec, index, intentOwner);
      }
    }
    for (Intent intent : vocabulary.intents()) {
      if (!intent.isConversational() && !intentOwner.containsKey(intent.label())) {
        v.problem(
            "intents/*/" + intent.label() + ".txt",
            "no case starts on intent '"
                + intent.label()
                + "': list it under 'intents' in one case of content/cases/");
      }
    }
    words.forEach((language, lexicon) -> v.factCues(WordsLoader.file(language), lexicon, index));
    if (!v.problems.isEmpty()) {
      throw new IllegalStateException(
          "invalid conversation content:\n  " + String.join("\n  ", v.problems));
    }
  }

  private void index(ContentFiles.Index index, Map<String, CaseSpec> cases) {
    String file = ContentLoader.INDEX;
    if (index.cases().isEmpty()) {
      problem(file, "'cases' is empty");
    }
    Set<String> seen = new HashSet<>();
    for (String id : index.cases()) {
      if (!seen.add(id)) {
        problem(file, "case '" + id + "' listed twice");
      }
    }
    for (String required : List.of(ContentCatalog.MAIN_MENU, ContentCatalog.CANNOT_LOGIN_MENU)) {
      if (index.menus().getOrDefault(required, List.of()).isEmpty()) {
        problem(file, "menus: menu '" + required + "' is missing or empty (the bot shows it)");
      }
    }
    index
        .menus()
        .forEach(
            (name, ids) -> {
              for (String id : ids) {
                if (!index.cases().contains(id)) {
                  problem(file, "menus: menu '" + name + "' lists unknown case '" + id + "'");
                }
              }
            });
    for (String fact : index.facts().keySet()) {
      if (!ID.matcher(fact).matches()) {
        problem(file, "facts: '" + fact + "' is not a name like 'spam_checked'");
      }
    }
    for (String id : index.cases()) {
      if (!cases.containsKey(id)) {
        problem(ContentLoader.caseFile(id), "missing file for case '" + id + "'");
      }
    }
  }

  private void system(ContentFiles.SystemTexts system, ContentFiles.Index index) {
    String file = ContentLoader.SYSTEM;
    for (Msg msg : Msg.values()) {
      texts(file, "message '" + msg.key() + "'", system.messages().get(msg.key()), true);
      menuPlaceholders(file, msg.key(), system.messages().get(msg.key()), index);
    }
    for (Label label : Label.values()) {
      texts(file, "button '" + label.key() + "'", system.buttons().get(label.key()), true);
    }
    Set<String> known = new HashSet<>();
    for (Msg msg : Msg.values()) {
      known.add(msg.key());
    }
    system.messages().keySet().stream()
        .filter(k -> !known.contains(k))
        .forEach(k -> problem(file, "unknown message '" + k + "'"));
    known.clear();
    for (Label label : Label.values()) {
      known.add(label.key());
    }
    system.buttons().keySet().stream()
        .filter(k -> !known.contains(k))
        .forEach(k -> problem(file, "unknown button '" + k + "'"));
  }

  private void caseSpec(
      String file,
      String id,
      CaseSpec spec,
      ContentFiles.Index index,
      Map<String, String> intentOwner) {
    if (!id.equals(spec.id())) {
      problem(file, "id '" + spec.id() + "' does not match the file name (expected '" + id + "')");
    }
    texts(file, "case '" + id + "' title", spec.title(), true);
    for (String label : spec.intents()) {
      if (Intent.fromLabel(label).filter(vocabulary.intents()::contains).isEmpty()) {
        problem(
            file,
            "case '"
                + id
                + "': unknown intent '"
                + label
                + "' (no training file intents/<language>/"
                + label
                + ".txt)");
      } else if (Intent.fromLabel(label).orElseThrow().isConversational()) {
        problem(
            file,
            "case '" + id + "': intent '" + label + "' is the bot's own, it cannot start a case");
      } else if (intentOwner.putIfAbsent(label, id) != null) {
        problem(
            file,
            "case '"
                + id
                + "': intent '"
                + label
                + "' already starts case '"
                + intentOwner.get(label)
                + "'");
      }
    }
    facts(file, "case '" + id + "' facts", spec.facts(), index);
    if (!spec.steps().isEmpty() && !spec.roles().isEmpty()) {
      problem(
          file,
          "case '" + id + "': give either 'steps' (the same for every role) or 'roles', not both");
    } else if (spec.roles().isEmpty()) {
      if (spec.steps().isEmpty()) {
        problem(file, "case '" + id + "': no 'steps' (or 'roles')");
      }
      flow(file, "case '" + id + "'", spec.steps(), index);
      return;
    }
    for (Role role : Role.values()) {
      if (!spec.roles().containsKey(role.code()) || spec.steps(role).isEmpty()) {
        problem(file, "case '" + id + "': missing role '" + role.code() + "'");
      }
    }
    spec.roles().keySet().stream()
        .filter(r -> Role.fromCode(r).isEmpty())
        .forEach(r -> problem(file, "case '" + id + "': unknown role '" + r + "'"));
    for (Role role : Role.values()) {
      flow(file, "case '" + id + "' role '" + role.code() + "'", spec.steps(role), index);
    }
  }

  private void flow(String file, String flow, List<Step> steps, ContentFiles.Index index) {
    Set<String> ids = new HashSet<>();
    for (Step step : steps) {
      String where = flow + " step '" + step.id() + "'";
      if (step.id() == null || !ID.matcher(step.id()).matches()) {
        problem(file, flow + ": a step needs an id like 'check_spam'");
      } else if (!ids.add(step.id())) {
        problem(file, where + ": duplicate step id");
      }
      texts(file, where + " text", step.text(), true);
      facts(file, where + " facts", step.facts(), index);
      facts(file, where + " unless", step.unless(), index);
      if (step.kind() == Step.Kind.HANDOFF) {
        if (step.yes() != null || step.no() != null || step.hasOwnQuestion()) {
          problem(file, where + ": a handoff step has no question, yes or no");
        }
      } else {
        texts(file, where + " question", step.question(), step.hasOwnQuestion());
        if (step.reason() != null) {
          problem(file, where + ": only a handoff step has a reason");
        }
      }
    }
    for (Step step : steps) {
      String where = flow + " step '" + step.id() + "'";
      if (step.kind() == Step.Kind.CHECK) {
        target(file, where + " yes", step.onYes(), ids, index);
        target(file, where + " no", step.onNo(), ids, index);
        facts(file, where + " yes", step.onYes().facts(), index);
        facts(file, where + " no", step.onNo().facts(), index);
      }
    }
  }

  /** Every fact a case, step or answer records or tests is declared in catalog.yaml. */
  private void facts(
      String file, String where, Map<String, String> facts, ContentFiles.Index index) {
    facts.forEach(
        (k, v) -> {
          if (!index.facts().containsKey(k)) {
            problem(
                file,
                where
                    + ": unknown fact '"
                    + k
                    + "' (declare it under 'facts' in "
                    + ContentLoader.INDEX
                    + ")");
          } else if (v == null) {
            problem(file, where + ": fact '" + k + "' has no value");
          } else if (!index.facts().get(k).values().isEmpty()
              && !index.facts().get(k).values().contains(v)) {
            problem(
                file,
                where
                    + ": fact '"
                    + k
                    + "' has unknown value '"
                    + v
                    + "' (the values in "
                    + ContentLoader.INDEX
                    + " are "
                    + String.join(", ", index.facts().get(k).values())
                    + ")");
          }
        });
  }

  /**
   * A fact a user may state ({@code facts:} of words.yaml) is declared in catalog.yaml with its
   * values, and states one of them: otherwise no step would ever be skipped on it.
   */
  private void factCues(String file, Lexicon lexicon, ContentFiles.Index index) {
    for (Lexicon.FactCue cue : lexicon.facts()) {
      String where = "facts: fact '" + cue.fact() + "'";
      ContentFiles.Fact declared = index.facts().get(cue.fact());
      if (declared == null) {
        problem(
            file,
            where + ": unknown fact (declare it under 'facts' in " + ContentLoader.INDEX + ")");
      } else if (declared.values().isEmpty()) {
        problem(
            file,
            where
                + ": "
                + ContentLoader.INDEX
                + " lists no values for it (write means: and values: ["
                + cue.value()
                + ", ...])");
      } else if (!declared.values().contains(cue.value())) {
        problem(
            file,
            where
                + ": unknown value '"
                + cue.value()
                + "' (the values in "
                + ContentLoader.INDEX
                + " are "
                + String.join(", ", declared.values())
                + ")");
      }
    }
  }

  /** {@code {menu}} shows the main menu's titles, {@code {menu:name}} another menu's. */
  private void menuPlaceholders(
      String file, String key, Map<String, String> texts, ContentFiles.Index index) {
    if (texts == null) {
      return;
    }
    texts.forEach(
        (language, text) -> {
          Matcher m = MENU.matcher(text == null ? "" : text);
          while (m.find()) {
            String menu = m.group(1) == null ? ContentCatalog.MAIN_MENU : m.group(1);
            if (!index.menus().containsKey(menu)) {
              problem(
                  file,
                  "message '"
                      + key
                      + "' ("
                      + language
                      + "): unknown menu '"
                      + menu
                      + "' in {menu}");
            }
          }
        });
  }

  private void target(
      String file, String where, Answer answer, Set<String> stepIds, ContentFiles.Index index) {
    var parsed = Target.parse(answer.go());
    if (parsed.isEmpty()) {
      problem(file, where + ": invalid target '" + answer.go() + "'");
    } else if (parsed.get() instanceof Target.Step s && !stepIds.contains(s.stepId())) {
      problem(file, where + ": target step '" + s.stepId() + "' does not exist");
    } else if (parsed.get() instanceof Target.Case c && !index.cases().contains(c.caseId())) {
      problem(file, where + ": target case '" + c.caseId() + "' does not exist");
    }
  }

  private void texts(String file, String what, Map<String, String> texts, boolean required) {
    if (!required) {
      return;
    }
    for (Language language : vocabulary.languages()) {
      String text = texts == null ? null : texts.get(language.code());
      if (text == null || text.isBlank()) {
        problem(file, what + ": missing language '" + language.code() + "'");
        continue;
      }
      Matcher m = PLACEHOLDER.matcher(text);
      while (m.find()) {
        if (!PLACEHOLDERS.contains(m.group(1)) && !MENU.matcher(m.group(0)).matches()) {
          problem(
              file, what + " (" + language.code() + "): unknown placeholder {" + m.group(1) + "}");
        }
      }
    }
    if (texts != null) {
      texts.keySet().stream()
          .filter(k -> vocabulary.language(k).isEmpty())
          .forEach(
              k ->
                  problem(
                      file,
                      what
                          + ": unknown language '"
                          + k
                          + "' (no training folder intents/"
                          + k
                          + "/)"));
    }
  }

  private void problem(String file, String detail) {
    problems.add(file + ": " + detail);
  }
}
