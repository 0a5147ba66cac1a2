package loginbot;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import loginbot.attachment.ScreenMessages;
import loginbot.dialogue.Welcome;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.ContentSource;
import loginbot.dialogue.content.Vocabulary;
import loginbot.nlu.ClassifierConfig;
import loginbot.nlu.CrossValidation;
import loginbot.nlu.DecisionRule;
import loginbot.nlu.Intent;
import loginbot.nlu.TrainingData;

/**
 * {@code check [CONTENT_DIR [INTENTS_DIR]]}: what a support writer runs after editing. It reads the
 * training examples and the content as the server would at start-up, lists every problem in plain
 * words, then measures how well the bot recognises the examples (cross-validation). Exit 0 when the
 * bot would start with these files, 1 when something must be fixed, 2 on bad usage.
 */
final class CheckCommand {
  static final String USAGE = "usage: check [CONTENT_DIR [INTENTS_DIR]]";
  private static final int FOLDS = 5;
  // The same fixed seed as the cv command: two runs on the same files print the same figures.
  private static final long SEED = 42;

  private CheckCommand() {}

  static int run(List<String> args, Config config, PrintStream out, PrintStream err) {
    if (args.size() > 2 || args.stream().anyMatch(a -> a.startsWith("-"))) {
      err.println(USAGE);
      return 2;
    }
    Optional<Path> contentDir =
        args.isEmpty() ? config.contentDir() : Optional.of(Path.of(args.get(0)));
    Optional<Path> intentsDir =
        args.size() < 2 ? config.intentsDir() : Optional.of(Path.of(args.get(1)));
    CheckReport report = new CheckReport(out);
    report.title(
        contentDir.map(Path::toString).orElse("the copy inside the program"),
        intentsDir.map(Path::toString).orElse("the copy inside the program"));

    TrainingData data;
    try {
      data = TrainingData.load(intentsDir);
    } catch (IllegalStateException e) {
      report.examplesBroken(lines(e, Optional.empty()));
      report.verdict(false);
      return 1;
    }
    report.examples(data);

    List<String> problems = new ArrayList<>();
    ContentCatalog content = null;
    try {
      ContentSource source =
          contentDir.map(ContentSource::directory).orElseGet(ContentSource::classpath);
      content = ContentCatalog.load(source, Vocabulary.of(data));
      Welcome.load(source, content);
      ScreenMessages.load(source, content);
    } catch (IllegalStateException e) {
      problems.addAll(lines(e, contentDir));
    }
    report.content(content, problems);

    List<CrossValidation.Scored> scored =
        CrossValidation.run(data.examples(), FOLDS, SEED, ClassifierConfig.DEFAULT);
    DecisionRule rule = App.decisionRule(config);
    List<CheckReport.Guess> guesses = new ArrayList<>();
    for (CrossValidation.Scored s : scored) {
      Intent got = rule.accepts(s.prediction()) ? s.prediction().intent() : Intent.OUT_OF_SCOPE;
      guesses.add(new CheckReport.Guess(s.example(), got));
    }
    report.recognition(guesses, FOLDS);
    report.verdict(problems.isEmpty());
    return problems.isEmpty() ? 0 : 1;
  }

  /**
   * The problems of a failed load, one per line, with {@code content/} written as the folder the
   * writer edits.
   */
  private static List<String> lines(IllegalStateException e, Optional<Path> contentDir) {
    List<String> lines = new ArrayList<>();
    for (String line : String.valueOf(e.getMessage()).split("\n")) {
      String problem = line.strip();
      if (problem.isEmpty() || problem.equals("invalid conversation content:")) {
        continue;
      }
      if (contentDir.isPresent()) {
        problem =
            problem.replaceAll(
                "(?<![\\w/])" + ContentSource.PREFIX,
                Matcher.quoteReplacement(contentDir.get() + "/"));
      }
      lines.add(problem);
    }
    return lines;
  }
}
