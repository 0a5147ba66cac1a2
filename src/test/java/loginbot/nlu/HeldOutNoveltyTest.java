package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The held-out file only measures generalisation if the model never saw its lines: none may be a
 * copy of a training line once case, accents and punctuation are folded. (Two people writing "I
 * forgot my password" independently is exactly what this catches.)
 */
class HeldOutNoveltyTest {

  @Test
  void no_held_out_line_is_a_copy_of_a_training_line() throws Exception {
    // given
    TextNormalizer normalizer = new TextNormalizer();
    TrainingData data = TrainingData.load(Optional.empty());
    Set<String> training =
        data.examples().stream()
            .map(e -> normalizer.normalize(e.text()))
            .collect(Collectors.toSet());

    // when
    var copies =
        LabeledFile.read(Path.of("src/test/resources/nlu/heldout.tsv"), data.labels()).stream()
            .filter(line -> training.contains(normalizer.normalize(line.text())))
            .map(line -> line.number() + ": " + line.text())
            .toList();

    // then
    assertThat(copies).as("held-out lines that also stand in intents/").isEmpty();
  }
}
