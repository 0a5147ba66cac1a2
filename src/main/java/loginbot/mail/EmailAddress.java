package loginbot.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses as users type them: found in a message, checked to be complete (a local part, a
 * domain with a dot, a top-level name of letters), and never longer than SMTP allows.
 */
public final class EmailAddress {
  static final int MAX_LENGTH = 254;
  private static final Pattern CANDIDATE =
      Pattern.compile("[^\\s<>()\\[\\],;:\"]+@[^\\s<>()\\[\\],;:\"]*");
  private static final Pattern VALID =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

  private EmailAddress() {}

  /** True for a complete address. */
  public static boolean valid(String address) {
    return address != null && address.length() <= MAX_LENGTH && VALID.matcher(address).matches();
  }

  /** What looks like an attempt at an address in {@code text} (it holds an @), trimmed. */
  public static Optional<String> candidate(String text) {
    Matcher m = CANDIDATE.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    String found = m.group().replaceAll("[.!?]+$", "");
    return Optional.of(found);
  }

  /** The address with its domain in lower case, as mail servers treat it. */
  public static String normalise(String address) {
    int at = address.lastIndexOf('@');
    return address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
  }
}
