package loginbot.nlu;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Measures candidate classifier configurations by stratified 5-fold cross-validation over intents/
 * and prints a Markdown table (source of src/test/resources/nlu/MODEL-SELECTION.md). Not a test:
 * run it with {@code java -cp target/classes:target/test-classes:<deps> loginbot.nlu.ModelSelection
 * [name...]}.
 */
public final class ModelSelection {
  private static final long SEED = 42;

  public static void main(String[] args) {
    TrainingData data = TrainingData.load(Optional.of(Path.of("intents")));
    List<String> only = Arrays.asList(args);
    int seeds = Integer.getInteger("seeds", 1);
    if (seeds > 1) {
      repeated(data, only, seeds);
      return;
    }
    System.out.println(
        "| config | raw acc | raw macro-F1 | best rule | acc | macro-F1 | in-scope acc | OOS recall"
            + " | train CPU ms (median of 3) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (ClassifierConfig config : candidates()) {
      if (!only.isEmpty() && !only.contains(config.name())) {
        continue;
      }
      List<CrossValidation.Scored> scored = CrossValidation.run(data.examples(), 5, SEED, config);
      EvaluationReport raw = RuleTuning.score(scored, new DecisionRule(0, 0));
      DecisionRule rule = RuleTuning.best(scored, 0);
      EvaluationReport tuned = RuleTuning.score(scored, rule);
      System.out.printf(
          "| %s | %.3f | %.3f | %.2f / %.2f | %.3f | %.3f | %.3f | %.3f | %d |%n",
          config.name(),
          raw.accuracy(),
          raw.macroF1(),
          rule.threshold(),
          rule.margin(),
          tuned.accuracy(),
          tuned.macroF1(),
          tuned.inScopeAccuracy().orElse(0),
          tuned.oosRecall().orElse(0),
          trainingMillis(data, config));
    }
  }

  /**
   * Mean and spread of accuracy and macro-F1 (no rule) over 5-fold CV repeated with several seeds.
   */
  static void repeated(TrainingData data, List<String> only, int seeds) {
    System.out.printf(
        "| config | raw acc (mean ± sd over %d seeds) | raw macro-F1 | macro-F1, rule 0.15/0.05 |%n",
        seeds);
    System.out.println("|---|---|---|---|");
    for (ClassifierConfig config : candidates()) {
      if (!only.contains(config.name())) {
        continue;
      }
      double[] acc = new double[seeds];
      double[] f1 = new double[seeds];
      double[] ruled = new double[seeds];
      for (int s = 0; s < seeds; s++) {
        List<CrossValidation.Scored> scored =
            CrossValidation.run(data.examples(), 5, SEED + s, config);
        EvaluationReport raw = RuleTuning.score(scored, new DecisionRule(0, 0));
        acc[s] = raw.accuracy();
        f1[s] = raw.macroF1();
        ruled[s] = RuleTuning.score(scored, new DecisionRule(0.15, 0.05)).macroF1();
      }
      System.out.printf(
          "| %s | %s | %s | %s |%n", config.name(), meanSd(acc), meanSd(f1), meanSd(ruled));
    }
  }

  private static String meanSd(double[] values) {
    double mean = Arrays.stream(values).average().orElse(0);
    double variance =
        Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum()
            / Math.max(1, values.length - 1);
    return String.format("%.3f ± %.3f", mean, Math.sqrt(variance));
  }

  /**
   * CPU time of this JVM (all threads: GIS trains in a pool thread) while training, which other
   * processes on a busy machine disturb less than wall time does.
   */
  static long trainingMillis(TrainingData data, ClassifierConfig config) {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long[] times = new long[3];
    for (int i = 0; i < times.length; i++) {
      long start = os.getProcessCpuTime();
      IntentClassifier.train(data.examples(), config);
      times[i] = (os.getProcessCpuTime() - start) / 1_000_000;
    }
    Arrays.sort(times);
    return times[1];
  }

  public static List<ClassifierConfig> candidates() {
    List<ClassifierConfig> configs = new ArrayList<>();
    Map<String, List<FeatureGenerator>> features =
        Map.of(
            "words1", List.of(new WordFeatures()),
            "words1-2", List.of(new WordBigramFeatures()),
            "chars3-5", List.of(new CharNgramFeatures()),
            "words1-2+chars3-4", List.of(new WordBigramFeatures(), new CharNgrams3to4()),
            "words1-2+chars2-4", List.of(new WordBigramFeatures(), new CharNgrams2to4()),
            "words1-2+chars3-5", List.of(new WordBigramFeatures(), new CharNgramFeatures()),
            "words1-2+spanning-chars3-5",
                List.of(new WordBigramFeatures(), new SpanningCharNgrams()),
            "words1+chars3-5", List.of(new WordFeatures(), new CharNgramFeatures()),
            "words1+chars3-4", List.of(new WordFeatures(), new CharNgrams3to4()));
    List<String> order =
        List.of(
            "words1",
            "words1-2",
            "chars3-5",
            "words1+chars3-4",
            "words1+chars3-5",
            "words1-2+chars2-4",
            "words1-2+chars3-4",
            "words1-2+chars3-5",
            "words1-2+spanning-chars3-5");
    List<Map<String, String>> algorithms =
        List.of(
            Map.of("Algorithm", "NAIVEBAYES"),
            Map.of("Algorithm", "PERCEPTRON", "Iterations", "100"),
            Map.of("Algorithm", "MAXENT", "Iterations", "30"),
            Map.of("Algorithm", "MAXENT", "Iterations", "50"),
            Map.of("Algorithm", "MAXENT", "Iterations", "20"),
            Map.of("Algorithm", "MAXENT", "Iterations", "100"),
            Map.of("Algorithm", "MAXENT_QN", "Iterations", "100"),
            Map.of("Algorithm", "MAXENT_QN", "Iterations", "100", "L1Cost", "0", "L2Cost", "1"),
            Map.of("Algorithm", "MAXENT_QN", "Iterations", "30", "L1Cost", "0", "L2Cost", "1"),
            Map.of("Algorithm", "MAXENT_QN", "Iterations", "100", "L1Cost", "0", "L2Cost", "3"),
            Map.of(
                "Algorithm",
                "MAXENT",
                "Iterations",
                "50",
                "GaussianSmoothing",
                "true",
                "GaussianSmoothingSigma",
                "1"),
            Map.of(
                "Algorithm",
                "MAXENT",
                "Iterations",
                "50",
                "GaussianSmoothing",
                "true",
                "GaussianSmoothingSigma",
                "2"),
            Map.of(
                "Algorithm",
                "MAXENT",
                "Iterations",
                "100",
                "GaussianSmoothing",
                "true",
                "GaussianSmoothingSigma",
                "1"));
    for (Map<String, String> algorithm : algorithms) {
      for (String f : order) {
        configs.add(new ClassifierConfig(label(algorithm) + " " + f, algorithm, features.get(f)));
      }
    }
    return configs;
  }

  private static String label(Map<String, String> p) {
    StringBuilder s = new StringBuilder(p.get("Algorithm").toLowerCase());
    if (p.containsKey("Iterations")) {
      s.append("-").append(p.get("Iterations"));
    }
    if (p.containsKey("GaussianSmoothingSigma")) {
      s.append("-gauss=").append(p.get("GaussianSmoothingSigma"));
    }
    if (p.containsKey("L2Cost")) {
      s.append("-l1=").append(p.get("L1Cost")).append(",l2=").append(p.get("L2Cost"));
    }
    return s.toString();
  }
}
