package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The evaluation files measure how the bot reads text written by other people only if no training
 * line copies or paraphrases one of their lines: a training line whose set of normalised words is
 * the same as, or nearly the same as (Jaccard index 0.8 or more), the words of an evaluation line
 * fails the build. New training lines are written from categories of failure, never from the
 * evaluation lines themselves. Lines written before the blind set existed that happen to match one
 * of its lines are listed in {@code overlaps-before-the-blind-set.txt}: that list may only shrink.
 */
class EvalOverlapTest {
  static final double NEAR_PARAPHRASE = 0.8;
  private static final Path EVAL = Path.of("src/test/resources/eval");

  private final TextNormalizer normalizer = new TextNormalizer();

  @Test
  void no_training_line_copies_or_paraphrases_an_evaluation_line() throws Exception {
    // given
    Set<String> before = linesWrittenBeforeTheBlindSet();
    TrainingData data = TrainingData.load(Optional.empty());
    List<Set<String>> training =
        data.examples().stream()
            .filter(
                e ->
                    !before.contains(
                        e.language().code() + "/" + e.intent().label() + ".txt\t" + e.text()))
            .map(e -> words(e.text()))
            .filter(w -> !w.isEmpty())
            .toList();
    // The yes/no dev sets are labelled with the answer (yes, no, unclear), not an intent.
    List<Intent> labels = new ArrayList<>(data.labels());
    labels.addAll(List.of(new Intent("yes"), new Intent("no"), new Intent("unclear")));
    List<String> evaluationText = new ArrayList<>();
    for (Path file : evaluationFiles()) {
      for (LabeledFile.Line line : LabeledFile.read(file, labels)) {
        evaluationText.add(file.getFileName() + ":" + line.number() + ": " + line.text());
      }
    }

    // when
    List<String> overlaps = new ArrayList<>();
    for (String located : evaluationText) {
      Set<String> words = words(located.substring(located.indexOf(": ") + 2));
      for (Set<String> example : training) {
        if (jaccard(words, example) >= NEAR_PARAPHRASE) {
          overlaps.add(located + "  ~  " + String.join(" ", example));
        }
      }
    }

    // then
    assertThat(evaluationText).hasSizeGreaterThan(900);
    assertThat(overlaps).as("evaluation lines a training line copies or paraphrases").isEmpty();
  }

  @Test
  void the_lines_allowed_to_overlap_all_still_stand_in_intents() throws IOException {
    // given
    Set<String> training = new HashSet<>();
    TrainingData.load(Optional.empty())
        .examples()
        .forEach(
            e ->
                training.add(e.language().code() + "/" + e.intent().label() + ".txt\t" + e.text()));

    // then: a line removed from intents/ must leave the list too, so the list can only shrink
    assertThat(training).containsAll(linesWrittenBeforeTheBlindSet());
  }

  @Test
  void the_measure_catches_a_reordered_copy_and_lets_a_different_sentence_pass() {
    assertThat(jaccard(words("My pwd was rejected!"), words("my password was rejected")))
        .isEqualTo(1.0);
    assertThat(jaccard(words("the app rejected my password"), words("my password was rejected")))
        .isLessThan(NEAR_PARAPHRASE);
  }

  private Set<String> words(String text) {
    return new HashSet<>(List.of(normalizer.tokens(text)));
  }

  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    int common = 0;
    for (String word : a) {
      if (b.contains(word)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }

  private static List<Path> evaluationFiles() throws IOException {
    try (Stream<Path> eval = Files.list(EVAL)) {
      // The intent sets only: the yes/no replies (yesno-*.tsv) are mostly one or two words ("no",
      // « oui merci ») that any writer of affirm/deny lines writes too.
      return eval.filter(f -> f.getFileName().toString().matches("dev-.*\\.tsv")).sorted().toList();
    }
  }

  private static Set<String> linesWrittenBeforeTheBlindSet() throws IOException {
    Set<String> lines = new HashSet<>();
    for (String line : Files.readAllLines(EVAL.resolve("overlaps-before-the-blind-set.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        lines.add(line);
      }
    }
    return lines;
  }
}
