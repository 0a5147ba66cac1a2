package loginbot.nlu;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the bot understands and answers in. */
public enum Language {
  EN,
  FR;

  /** ISO 639-1 code, as used in metadata and content files. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "fr", "FR", "fr-CA", "fr_FR" and the like; anything else is empty. */
  public static Optional<Language> fromCode(String code) {
    if (code == null || code.length() < 2) {
      return Optional.empty();
    }
    String prefix = code.substring(0, 2).toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.code().equals(prefix)).findFirst();
  }
}
