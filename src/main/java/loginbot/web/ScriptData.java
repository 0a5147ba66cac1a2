package loginbot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.UnaryOperator;

/**
 * Server data written into a script as it is served, so the page has it without another request:
 * the script holds {@code /*@name*}{@code /{}} and is served with the JSON of the value in place of
 * the {@code {}}. Done once at start-up; the script keeps its ETag and caching.
 */
public final class ScriptData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScriptData() {}

  /** Replaces the marker {@code /*@name*}{@code /{}}; fails the start when it is missing. */
  public static UnaryOperator<String> inject(String name, Object value) {
    String marker = "/*@" + name + "*/{}";
    String json;
    try {
      // "</script>" or "<!--" inside a text must not end or comment out an inline copy.
      json = JSON.writeValueAsString(value).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + name + " as JSON", e);
    }
    return script -> {
      int at = script.indexOf(marker);
      if (at < 0) {
        throw new IllegalStateException("the script has no " + marker + " to fill in");
      }
      return script.substring(0, at)
          + "/*@"
          + name
          + "*/"
          + json
          + script.substring(at + marker.length());
    };
  }
}
