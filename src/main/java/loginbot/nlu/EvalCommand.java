package loginbot.nlu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * {@code eval FILE... [--json]}: gets the classifier exactly as the server does (the model built
 * into the jar, or a training when INTENTS_DIR holds edited data), classifies every line of the
 * files with the server's decision rule (not understood counts as out_of_scope) and reports the
 * scores (overall, per category when the files have a third column, per file), the confusion
 * matrix, the misclassified lines, the time a fresh training takes and the time per message. Exit 0
 * when evaluated, 1 on a bad file, 2 on bad usage.
 */
public final class EvalCommand {
  static final String USAGE =
      "usage: eval FILE... [--json]   (FILE: UTF-8, one label<TAB>text[<TAB>category] per line)";

  private EvalCommand() {}

  public static int run(
      List<String> args, TrainingData data, DecisionRule rule, PrintStream out, PrintStream err) {
    return run(args, data, rule, () -> freshTrainingMillis(data), out, err);
  }

  /**
   * Like {@link #run(List, TrainingData, DecisionRule, PrintStream, PrintStream)}, with the time a
   * fresh training takes given by {@code trainingMillis}: a test that evaluates several files times
   * one real training instead of training again for each report.
   */
  static int run(
      List<String> args,
      TrainingData data,
      DecisionRule rule,
      LongSupplier trainingMillis,
      PrintStream out,
      PrintStream err) {
    boolean json = false;
    List<String> files = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--json")) {
        json = true;
      } else if (arg.startsWith("-")) {
        err.println("eval: unknown option " + arg);
        err.println(USAGE);
        return 2;
      } else {
        files.add(arg);
      }
    }
    if (files.isEmpty()) {
      err.println(USAGE);
      return 2;
    }
    List<LabeledFile.Line> lines = new ArrayList<>();
    try {
      for (String file : files) {
        lines.addAll(LabeledFile.read(Path.of(file), data.labels()));
      }
    } catch (LabeledFile.InvalidFileException e) {
      err.println("eval: " + e.getMessage());
      return 1;
    }
    Nlu nlu = ShippedModel.nlu(data, rule);
    long training = trainingMillis.getAsLong();
    Evaluation evaluation = Evaluation.of(nlu, lines);
    String name = String.join(" ", files);
    if (json) {
      return printJson(name, data, rule, evaluation, training, out, err);
    }
    EvaluationReport report = evaluation.report();
    out.printf(
        Locale.ROOT,
        "eval %s: %d lines; trained on %d examples from %s; decision rule: confidence >= %.2f,"
            + " margin >= %.2f%n",
        name,
        lines.size(),
        data.examples().size(),
        data.source(),
        rule.threshold(),
        rule.margin());
    ReportFormat.printSummary(report, out);
    out.printf(
        Locale.ROOT,
        "training %d ms   classification %.1f us per message%n",
        training,
        evaluation.microsPerMessage());
    ReportFormat.printGroups("category", evaluation.perCategory(), out);
    if (files.size() > 1) {
      ReportFormat.printGroups("source", evaluation.perSource(), out);
    }
    ReportFormat.printPerLabel(report, out);
    ReportFormat.printConfusion(report, out);
    out.printf("%nmisclassified lines (%d)%n", report.total() - report.correct());
    for (int i = 0; i < lines.size(); i++) {
      LabeledFile.Line line = lines.get(i);
      if (line.label() != evaluation.predicted(i)) {
        out.printf(
            "  %sline %d: expected %s, got %s %s  %s%n",
            files.size() > 1 ? line.source() + " " : "",
            line.number(),
            line.label().label(),
            evaluation.predicted(i).label(),
            ReportFormat.describe(evaluation.results().get(i).prediction(), rule),
            line.text());
      }
    }
    return 0;
  }

  /** How long training the classifier on {@code data} takes, as the server would at start-up. */
  static long freshTrainingMillis(TrainingData data) {
    long start = System.nanoTime();
    IntentClassifier.train(data.examples(), ClassifierConfig.DEFAULT);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static int printJson(
      String file,
      TrainingData data,
      DecisionRule rule,
      Evaluation evaluation,
      long trainingMillis,
      PrintStream out,
      PrintStream err) {
    ObjectMapper mapper = ReportFormat.mapper();
    ObjectNode root = ReportFormat.json(evaluation.report(), mapper);
    root.put("file", file);
    root.put("training_examples", data.examples().size());
    root.put("training_ms", trainingMillis);
    root.put("micros_per_message", evaluation.microsPerMessage());
    ReportFormat.putRule(root, rule);
    ReportFormat.putGroups(root.putObject("per_category"), evaluation.perCategory());
    ReportFormat.putGroups(root.putObject("per_source"), evaluation.perSource());
    ArrayNode errors = root.putArray("errors");
    for (int i = 0; i < evaluation.lines().size(); i++) {
      LabeledFile.Line line = evaluation.lines().get(i);
      Intent predicted = evaluation.predicted(i);
      if (!line.label().equals(predicted)) {
        Prediction p = evaluation.results().get(i).prediction();
        ObjectNode e = errors.addObject();
        e.put("line", line.number());
        e.put("source", line.source());
        if (!line.category().isEmpty()) {
          e.put("category", line.category());
        }
        e.put("expected", line.label().label());
        e.put("predicted", predicted.label());
        e.put("confidence", p.confidence());
        e.put("top_intent", p.intent().label());
        e.put("understood", rule.accepts(p));
        e.put("text", line.text());
      }
    }
    try {
      out.println(mapper.writeValueAsString(root));
      return 0;
    } catch (JsonProcessingException e) {
      err.println("eval: cannot write JSON: " + e.getMessage());
      return 1;
    }
  }
}
