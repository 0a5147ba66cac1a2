package loginbot;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.nlu.Intent;
import loginbot.nlu.Language;
import loginbot.nlu.TrainingData;
import loginbot.nlu.TrainingExample;

/** The words of the {@code check} command: plain sentences for a writer, no stack traces. */
final class CheckReport {
  /** How one training example fared when the bot was trained without it. */
  record Guess(TrainingExample example, Intent got) {
    boolean right() {
      return example.intent().equals(got);
    }
  }

  private static final int EXAMPLES_SHOWN = 15;
  private final PrintStream out;

  CheckReport(PrintStream out) {
    this.out = out;
  }

  void title(String contentDir, String intentsDir) {
    out.println("Checking the bot's files");
    out.println("  content:           " + contentDir);
    out.println("  training examples: " + intentsDir);
    out.println();
  }

  void examplesBroken(List<String> problems) {
    out.println("1. Training examples: " + count(problems.size(), "problem") + " to fix");
    problems.forEach(p -> out.println("   - " + p));
    out.println();
  }

  void examples(TrainingData data) {
    out.println("1. Training examples: OK");
    out.println(
        "   "
            + count(data.languages().size(), "language")
            + " ("
            + codes(data.languages())
            + "), "
            + count(data.labels().size(), "intent")
            + ", "
            + count(data.examples().size(), "example"));
    out.println();
  }

  void content(ContentCatalog content, List<String> problems) {
    if (problems.isEmpty() && content != null) {
      out.println("2. Content: OK");
      out.println(
          "   "
              + count(content.cases().size(), "case")
              + " in "
              + codes(content.languages())
              + "; every text, intent, fact, menu and step it refers to exists");
    } else {
      out.println("2. Content: " + count(problems.size(), "problem") + " to fix");
      problems.forEach(p -> out.println("   - " + p));
    }
    out.println();
  }

  void recognition(List<Guess> guesses, int folds) {
    long right = guesses.stream().filter(Guess::right).count();
    out.println("3. How well the bot recognises what people write");
    out.printf(
        Locale.ROOT,
        "   Each example was hidden in turn (%d rounds) and guessed by a bot trained on the"
            + " others.%n",
        folds);
    out.printf(
        Locale.ROOT,
        "   Recognised: %d of %d examples (%s).%n",
        right,
        guesses.size(),
        percent(right, guesses.size()));
    Map<Intent, List<Guess>> byIntent = new TreeMap<>();
    guesses.forEach(
        g -> byIntent.computeIfAbsent(g.example().intent(), i -> new ArrayList<>()).add(g));
    out.println("   Per intent, weakest first:");
    byIntent.entrySet().stream()
        .sorted(Comparator.comparingDouble(e -> share(e.getValue())))
        .forEach(e -> out.println("     " + intentLine(e.getKey(), e.getValue())));
    List<Guess> wrong = guesses.stream().filter(g -> !g.right()).toList();
    if (!wrong.isEmpty()) {
      out.println(
          "   Examples the bot got wrong (add examples like them, or move them to the right file):");
      wrong.stream()
          .limit(EXAMPLES_SHOWN)
          .forEach(
              g ->
                  out.printf(
                      "     %s/%s.txt: \"%s\" was taken for %s%n",
                      g.example().language().code(),
                      g.example().intent().label(),
                      g.example().text(),
                      g.got().label()));
      if (wrong.size() > EXAMPLES_SHOWN) {
        out.println("     ... and " + (wrong.size() - EXAMPLES_SHOWN) + " more");
      }
    }
    out.println();
  }

  void verdict(boolean ready) {
    out.println(
        ready
            ? "Result: ready. The bot starts with these files."
            : "Result: not ready. The bot would refuse to start until the problems above are"
                + " fixed.");
  }

  private static String intentLine(Intent intent, List<Guess> guesses) {
    Map<String, Long> confusions =
        guesses.stream()
            .filter(g -> !g.right())
            .collect(
                Collectors.groupingBy(
                    g -> g.got().label(), LinkedHashMap::new, Collectors.counting()));
    long right = guesses.stream().filter(Guess::right).count();
    String line =
        String.format(
            Locale.ROOT,
            "%-22s %s of %d examples",
            intent.label(),
            percent(right, guesses.size()),
            guesses.size());
    if (confusions.isEmpty()) {
      return line;
    }
    return line
        + "; others taken for "
        + confusions.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> e.getKey() + " (" + e.getValue() + ")")
            .collect(Collectors.joining(", "));
  }

  private static double share(List<Guess> guesses) {
    return guesses.stream().filter(Guess::right).count() / (double) guesses.size();
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "-" : Math.round(100.0 * part / whole) + " %";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String codes(List<Language> languages) {
    return languages.stream().map(Language::code).collect(Collectors.joining(", "));
  }
}
