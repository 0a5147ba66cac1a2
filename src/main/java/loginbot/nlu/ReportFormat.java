package loginbot.nlu;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes an {@link EvaluationReport} as the text tables and the JSON fields shared by eval and cv.
 */
final class ReportFormat {
  private ReportFormat() {}

  /**
   * JSON with non-ASCII characters escaped ("\u00e9"), so the report stays exact whatever charset
   * the console or a CI runner gives standard output.
   */
  static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.getFactory().configure(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(), true);
    return mapper;
  }

  static void printSummary(EvaluationReport report, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "accuracy %.3f   macro-F1 %.3f   in-scope accuracy %s   out-of-scope recall %s"
            + "   out-of-scope precision %s%n",
        report.accuracy(),
        report.macroF1(),
        text(report.inScopeAccuracy()),
        text(report.oosRecall()),
        text(report.oosPrecision()));
  }

  static void printPerLabel(EvaluationReport report, PrintStream out) {
    out.printf(
        Locale.ROOT, "%n%-22s %9s %7s %7s %8s%n", "label", "precision", "recall", "f1", "support");
    report
        .perLabel()
        .forEach(
            (intent, s) ->
                out.printf(
                    Locale.ROOT,
                    "%-22s %9.3f %7.3f %7.3f %8d%n",
                    intent.label(),
                    s.precision(),
                    s.recall(),
                    s.f1(),
                    s.support()));
  }

  /** Rows are expected labels, columns predicted ones, numbered to keep the table narrow. */
  static void printConfusion(EvaluationReport report, PrintStream out) {
    List<Intent> labels = report.labels();
    out.printf("%nconfusion matrix (rows: expected, columns: predicted)%n%-26s", "");
    for (int i = 1; i <= labels.size(); i++) {
      out.printf("%4d", i);
    }
    out.println();
    for (int r = 0; r < labels.size(); r++) {
      out.printf("%2d %-23s", r + 1, labels.get(r).label());
      for (Intent predicted : labels) {
        int count = report.count(labels.get(r), predicted);
        out.printf("%4s", count == 0 ? "." : Integer.toString(count));
      }
      out.println();
    }
  }

  /** The metric fields every JSON report has; undefined ratios (no such lines) are null. */
  static ObjectNode json(EvaluationReport report, ObjectMapper mapper) {
    ObjectNode root = mapper.createObjectNode();
    root.put("lines", report.total());
    root.put("accuracy", report.accuracy());
    root.put("macro_f1", report.macroF1());
    put(root, "in_scope_accuracy", report.inScopeAccuracy());
    put(root, "oos_recall", report.oosRecall());
    put(root, "oos_precision", report.oosPrecision());
    ObjectNode perLabel = root.putObject("per_label");
    for (Map.Entry<Intent, EvaluationReport.LabelScores> e : report.perLabel().entrySet()) {
      ObjectNode s = perLabel.putObject(e.getKey().label());
      s.put("precision", e.getValue().precision());
      s.put("recall", e.getValue().recall());
      s.put("f1", e.getValue().f1());
      s.put("support", e.getValue().support());
    }
    ObjectNode confusion = root.putObject("confusion");
    for (Intent expected : report.labels()) {
      ObjectNode row = confusion.putObject(expected.label());
      for (Intent predicted : report.labels()) {
        row.put(predicted.label(), report.count(expected, predicted));
      }
    }
    return root;
  }

  /** One table line per group: its lines, accuracy, in-scope accuracy and out-of-scope recall. */
  static void printGroups(String kind, Map<String, EvaluationReport> groups, PrintStream out) {
    if (groups.isEmpty()) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "%n%-22s %6s %9s %9s %11s%n",
        kind,
        "lines",
        "accuracy",
        "in-scope",
        "oos-recall");
    groups.forEach(
        (name, r) ->
            out.printf(
                Locale.ROOT,
                "%-22s %6d %9.3f %9s %11s%n",
                name,
                r.total(),
                r.accuracy(),
                text(r.inScopeAccuracy()),
                text(r.oosRecall())));
  }

  static void putGroups(ObjectNode node, Map<String, EvaluationReport> groups) {
    groups.forEach(
        (name, r) -> {
          ObjectNode g = node.putObject(name);
          g.put("lines", r.total());
          g.put("accuracy", r.accuracy());
          put(g, "in_scope_accuracy", r.inScopeAccuracy());
          put(g, "oos_recall", r.oosRecall());
        });
  }

  static void putRule(ObjectNode root, DecisionRule rule) {
    ObjectNode node = root.putObject("decision_rule");
    node.put("threshold", rule.threshold());
    node.put("margin", rule.margin());
  }

  /** How one misclassified prediction reads in the text report. */
  static String describe(Prediction p, DecisionRule rule) {
    String verdict = rule.accepts(p) ? "" : "not understood, ";
    return String.format(
        Locale.ROOT,
        "(%stop %s %.2f, then %s %.2f)",
        verdict,
        p.intent().label(),
        p.confidence(),
        p.runnerUp().label(),
        p.runnerUpConfidence());
  }

  private static void put(ObjectNode node, String field, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(field, value.getAsDouble());
    } else {
      node.putNull(field);
    }
  }

  private static String text(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "n/a";
  }
}
