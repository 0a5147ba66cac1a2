package loginbot.nlu;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A language, by its ISO 639 code as used in metadata, folder names and content files. Which
 * languages the bot speaks is data: the folders of {@code intents/}. The constants are the two the
 * shipped content is written in.
 */
public record Language(String code) implements Comparable<Language> {
  private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

  public static final Language EN = new Language("en");
  public static final Language FR = new Language("fr");

  public Language {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("a language code is 2 or 3 lowercase letters: " + code);
    }
  }

  /**
   * A code as stored or written in tests: {@code fr} or {@code FR} (stored conversation states have
   * the upper case of the time Language was an enum, and keep it).
   */
  @JsonCreator
  public static Language of(String code) {
    return fromCode(code)
        .filter(l -> l.code().length() == code.length())
        .orElseThrow(() -> new IllegalArgumentException("not a language code: " + code));
  }

  /** How a conversation state stores it: upper case, as stored since the first version. */
  @JsonValue
  String stored() {
    return code.toUpperCase(Locale.ROOT);
  }

  /**
   * Parses "fr", "FR", "fr-CA", "fr_FR" and the like; anything else is empty. Whether the bot
   * speaks the language is for the content to say.
   */
  public static Optional<Language> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String prefix = code.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    return CODE.matcher(prefix).matches() ? Optional.of(new Language(prefix)) : Optional.empty();
  }

  /** The Java locale for dates and the like (Canadian French for {@code fr}, as the bot writes). */
  public Locale locale() {
    return equals(FR) ? Locale.CANADA_FRENCH : Locale.forLanguageTag(code);
  }

  @Override
  public int compareTo(Language other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}
