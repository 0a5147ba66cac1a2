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

/**
 * {@code eval FILE [--json]}: gets the classifier exactly as the server does (the model built into
 * the jar, or a training when INTENTS_DIR holds edited data), classifies every line of FILE with
 * the server's decision rule (not understood counts as out_of_scope) and reports the scores, the
 * confusion matrix and the misclassified lines. Exit 0 when evaluated, 1 on a bad file, 2 on bad
 * usage.
 */
public final class EvalCommand {
  static final String USAGE =
      "usage: eval FILE [--json]   (FILE: UTF-8, one label<TAB>text per line)";

  private EvalCommand() {}

  public static int run(
      List<String> args, TrainingData data, DecisionRule rule, PrintStream out, PrintStream err) {
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
    if (files.size() != 1) {
      err.println(USAGE);
      return 2;
    }
    List<LabeledFile.Line> lines;
    try {
      lines = LabeledFile.read(Path.of(files.get(0)), data.labels());
    } catch (LabeledFile.InvalidFileException e) {
      err.println("eval: " + e.getMessage());
      return 1;
    }
    TrainedNlu nlu = ShippedModel.nlu(data, rule);
    List<Intent> expected = new ArrayList<>();
    List<Intent> predicted = new ArrayList<>();
    List<Prediction> predictions = new ArrayList<>();
    for (LabeledFile.Line line : lines) {
      Understanding u = nlu.understand(line.text());
      expected.add(line.label());
      predicted.add(u.effectiveIntent());
      predictions.add(u.prediction());
    }
    EvaluationReport report = EvaluationReport.of(expected, predicted);
    if (json) {
      return printJson(files.get(0), data, rule, lines, predicted, predictions, report, out, err);
    }
    out.printf(
        Locale.ROOT,
        "eval %s: %d lines; trained on %d examples from %s; decision rule: confidence >= %.2f,"
            + " margin >= %.2f%n",
        files.get(0),
        lines.size(),
        data.examples().size(),
        data.source(),
        rule.threshold(),
        rule.margin());
    ReportFormat.printSummary(report, out);
    ReportFormat.printPerLabel(report, out);
    ReportFormat.printConfusion(report, out);
    out.printf("%nmisclassified lines (%d)%n", report.total() - report.correct());
    for (int i = 0; i < lines.size(); i++) {
      if (expected.get(i) != predicted.get(i)) {
        out.printf(
            "  line %d: expected %s, got %s %s  %s%n",
            lines.get(i).number(),
            expected.get(i).label(),
            predicted.get(i).label(),
            ReportFormat.describe(predictions.get(i), rule),
            lines.get(i).text());
      }
    }
    return 0;
  }

  private static int printJson(
      String file,
      TrainingData data,
      DecisionRule rule,
      List<LabeledFile.Line> lines,
      List<Intent> predicted,
      List<Prediction> predictions,
      EvaluationReport report,
      PrintStream out,
      PrintStream err) {
    ObjectMapper mapper = ReportFormat.mapper();
    ObjectNode root = ReportFormat.json(report, mapper);
    root.put("file", file);
    root.put("training_examples", data.examples().size());
    ReportFormat.putRule(root, rule);
    ArrayNode errors = root.putArray("errors");
    for (int i = 0; i < lines.size(); i++) {
      LabeledFile.Line line = lines.get(i);
      if (!line.label().equals(predicted.get(i))) {
        Prediction p = predictions.get(i);
        ObjectNode e = errors.addObject();
        e.put("line", line.number());
        e.put("expected", line.label().label());
        e.put("predicted", predicted.get(i).label());
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
