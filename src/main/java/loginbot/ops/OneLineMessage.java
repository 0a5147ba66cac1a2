package loginbot.ops;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message with line breaks shown as {@code \n} and {@code \r}, for the text log format
 * ({@code %oneLineMsg}): a user-supplied value (a REST sender, a text) can then never start a line
 * that looks like another log record. JSON logs escape them already.
 */
public final class OneLineMessage extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return escape(event.getFormattedMessage());
  }

  /** Escapes CR, LF and the other characters that end a line in some viewer. */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\u000B', '\f', '\u0085', '\u2028', '\u2029' -> String.format("\\u%04X", (int) c);
            default -> null;
          };
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
