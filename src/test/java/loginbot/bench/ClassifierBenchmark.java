package loginbot.bench;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import loginbot.nlu.DecisionRule;
import loginbot.nlu.Prediction;
import loginbot.nlu.TrainedNlu;
import loginbot.nlu.TrainingData;
import loginbot.nlu.Understanding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classification latency on realistic messages (sample mode: JMH prints the median and p99) and the
 * start-up training time. Run: {@code mvn -Pbench -o test-compile exec:exec
 * -Djmh.args="ClassifierBenchmark -f 1 -wi 3 -i 5"}.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClassifierBenchmark {
  // Short and long, English and French, typos and no accents, in-scope and off-topic, one message
  // of several sentences (read sentence by sentence too); none from intents/.
  private static final List<String> MESSAGES =
      List.of(
          "hi",
          "oui",
          "no still not working",
          "merci beaucoup bonne journée",
          "i forgto my pasword",
          "j'ai oublié mon mot de passe et le courriel de réinitialisation n'arrive jamais",
          "my client keeps getting “Invalid User / password” but she swears her password is right",
          "comment generer un mot de passe temporaire pour une cliente",
          "the app says account disabled after we merged her two profiles",
          "do I log in with my username or my email",
          "can I talk to a real person please",
          "how do I change the credit card on my subscription",
          "est-ce que je dois mettre a jour l'application",
          "what's the weather like in montreal today",
          "ok",
          "Hello. I can't get into the app since my phone was replaced. What should I try first?",
          "ma cliente voit « Compte désactivé » quand elle essaie de se connecter sur son iphone");

  private TrainingData data;
  private TrainedNlu nlu;
  private int next;

  @Setup
  public void train() {
    data = TrainingData.load(Optional.empty());
    nlu = TrainedNlu.train(data, DecisionRule.DEFAULT);
  }

  private String nextMessage() {
    next = (next + 1) % MESSAGES.size();
    return MESSAGES.get(next);
  }

  /** The classifier alone: normalisation, features, OpenNLP. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Prediction classify() {
    return nlu.classify(nextMessage());
  }

  /** What the bot runs per message: classification, decision rule and language detection. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Understanding understand() {
    return nlu.understand(nextMessage());
  }

  /** Start-up training (classifier and language detector) from the files shipped in the jar. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public TrainedNlu trainAtStartup() {
    return TrainedNlu.train(data, DecisionRule.DEFAULT);
  }
}
