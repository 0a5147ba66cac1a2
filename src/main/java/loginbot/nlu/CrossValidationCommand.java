package loginbot.nlu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code cv [--folds K] [--json]}: stratified K-fold cross-validation over the training data (fixed
 * seed, so runs repeat), each fold trained as the server trains and judged with the server's
 * decision rule. Exit 0 when done, 2 on bad usage.
 */
public final class CrossValidationCommand {
  static final String USAGE = "usage: cv [--folds K] [--json]   (K >= 2, default 5)";
  static final long SEED = 42;

  private CrossValidationCommand() {}

  public static int run(
      List<String> args, TrainingData data, DecisionRule rule, PrintStream out, PrintStream err) {
    int folds = 5;
    boolean json = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--json")) {
        json = true;
      } else if (arg.equals("--folds") && i + 1 < args.size()) {
        try {
          folds = Integer.parseInt(args.get(++i));
        } catch (NumberFormatException e) {
          folds = -1;
        }
        if (folds < 2 || folds > data.examples().size()) {
          err.println(
              "cv: --folds needs a whole number from 2 to "
                  + data.examples().size()
                  + ", got "
                  + args.get(i));
          return 2;
        }
      } else {
        err.println("cv: unexpected argument " + arg);
        err.println(USAGE);
        return 2;
      }
    }
    List<CrossValidation.Scored> scored =
        CrossValidation.run(data.examples(), folds, SEED, ClassifierConfig.DEFAULT);
    List<Intent> expected = new ArrayList<>();
    List<Intent> predicted = new ArrayList<>();
    for (CrossValidation.Scored s : scored) {
      expected.add(s.example().intent());
      predicted.add(rule.accepts(s.prediction()) ? s.prediction().intent() : Intent.OUT_OF_SCOPE);
    }
    EvaluationReport report = EvaluationReport.of(expected, predicted);
    if (json) {
      return printJson(folds, data, rule, scored, predicted, report, out, err);
    }
    out.printf(
        Locale.ROOT,
        "cv: %d folds over %d examples from %s; decision rule: confidence >= %.2f,"
            + " margin >= %.2f%n",
        folds,
        data.examples().size(),
        data.source(),
        rule.threshold(),
        rule.margin());
    ReportFormat.printSummary(report, out);
    ReportFormat.printPerLabel(report, out);
    ReportFormat.printConfusion(report, out);
    out.printf("%nmisclassified examples (%d)%n", report.total() - report.correct());
    for (int i = 0; i < scored.size(); i++) {
      TrainingExample e = scored.get(i).example();
      if (!e.intent().equals(predicted.get(i))) {
        out.printf(
            "  %s/%s: got %s %s  %s%n",
            e.language().code(),
            e.intent().label(),
            predicted.get(i).label(),
            ReportFormat.describe(scored.get(i).prediction(), rule),
            e.text());
      }
    }
    return 0;
  }

  private static int printJson(
      int folds,
      TrainingData data,
      DecisionRule rule,
      List<CrossValidation.Scored> scored,
      List<Intent> predicted,
      EvaluationReport report,
      PrintStream out,
      PrintStream err) {
    ObjectMapper mapper = ReportFormat.mapper();
    ObjectNode root = ReportFormat.json(report, mapper);
    root.put("folds", folds);
    root.put("seed", SEED);
    ReportFormat.putRule(root, rule);
    ArrayNode errors = root.putArray("errors");
    for (int i = 0; i < scored.size(); i++) {
      TrainingExample example = scored.get(i).example();
      if (!example.intent().equals(predicted.get(i))) {
        ObjectNode e = errors.addObject();
        e.put("language", example.language().code());
        e.put("expected", example.intent().label());
        e.put("predicted", predicted.get(i).label());
        e.put("confidence", scored.get(i).prediction().confidence());
        e.put("text", example.text());
      }
    }
    try {
      out.println(mapper.writeValueAsString(root));
      return 0;
    } catch (JsonProcessingException e) {
      err.println("cv: cannot write JSON: " + e.getMessage());
      return 1;
    }
  }
}
