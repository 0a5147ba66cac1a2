package loginbot.dialogue.content;

import java.util.List;
import java.util.Optional;
import loginbot.nlu.Intent;
import loginbot.nlu.Language;
import loginbot.nlu.TrainingData;

/**
 * What the understanding was trained on, which the content must match: the languages (every text
 * needs each of them) and the intent labels (each case's intents must exist, and every label the
 * bot does not react to by itself must start a case).
 */
public record Vocabulary(List<Language> languages, List<Intent> intents) {

  public Vocabulary {
    languages = List.copyOf(languages);
    intents = List.copyOf(intents);
  }

  public static Vocabulary of(TrainingData data) {
    return new Vocabulary(data.languages(), data.labels());
  }

  /** The vocabulary of the {@code intents/} packaged in the jar. */
  public static Vocabulary shipped() {
    return of(TrainingData.load(Optional.empty()));
  }

  /** The language of a text key in a content file, if the bot speaks it. */
  Optional<Language> language(String code) {
    return languages.stream().filter(l -> l.code().equals(code)).findFirst();
  }
}
