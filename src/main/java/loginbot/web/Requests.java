package loginbot.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Strict reading of JSON request bodies, with errors that say which field is wrong. This is the
 * edge every channel's input passes: a body is one JSON object without duplicate keys, and no
 * string in it (key or value) holds a control character other than tab and line breaks, or half of
 * a surrogate pair. Such text cannot be stored faithfully (PostgreSQL refuses NUL; a lone surrogate
 * turns into "?") or displayed safely, so it is refused before anything is stored.
 */
public final class Requests {
  private final ObjectMapper json;

  public Requests(ObjectMapper json) {
    this.json = json;
  }

  public JsonNode object(Context ctx) {
    return object(ctx.bodyAsBytes());
  }

  public JsonNode object(byte[] body) {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadRequestResponse("body is not valid JSON: " + reason(e));
    } catch (IOException e) {
      throw new BadRequestResponse("body could not be read");
    }
    if (node == null || !node.isObject()) {
      throw new BadRequestResponse("body must be a JSON object");
    }
    checkStrings(node, "");
    return node;
  }

  public static String requiredText(JsonNode parent, String field, int maxLength) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      throw new BadRequestResponse("'" + field + "' is required");
    }
    if (!value.isTextual()) {
      throw new BadRequestResponse("'" + field + "' must be a string");
    }
    String text = value.asText();
    if (text.isBlank()) {
      throw new BadRequestResponse("'" + field + "' must not be blank");
    }
    if (text.length() > maxLength) {
      throw new BadRequestResponse("'" + field + "' is longer than " + maxLength + " characters");
    }
    TextRules.problem(text, false).ifPresent(p -> refuse(field, p));
    return text;
  }

  public static Optional<String> optionalText(JsonNode parent, String field, int maxLength) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    return Optional.of(requiredText(parent, field, maxLength));
  }

  /**
   * An identifier (conversation, sender, message id): text as {@link #requiredText}, and on one
   * line, with no invisible formatting, so that it can be shown, typed into a URL, logged and
   * looked up again.
   */
  public static String requiredId(JsonNode parent, String field, int maxLength) {
    String id = requiredText(parent, field, maxLength);
    return id(id, "'" + field + "'");
  }

  public static Optional<String> optionalId(JsonNode parent, String field, int maxLength) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    return Optional.of(requiredId(parent, field, maxLength));
  }

  /**
   * Checks an identifier that did not come in a JSON body (a path segment, a header).
   *
   * @param what how the error names it, e.g. {@code "the conversation id"}
   */
  public static String id(String value, String what) {
    TextRules.problem(value, true)
        .ifPresent(
            p -> {
              throw new BadRequestResponse(what + " " + p);
            });
    return value;
  }

  private static void checkStrings(JsonNode node, String path) {
    if (node.isTextual()) {
      TextRules.problem(node.textValue(), false).ifPresent(p -> refuse(path, p));
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        TextRules.problem(field.getKey(), true)
            .ifPresent(
                p -> {
                  throw new BadRequestResponse(
                      "a key of " + (path.isEmpty() ? "the body" : "'" + path + "'") + " " + p);
                });
        checkStrings(field.getValue(), child);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkStrings(node.get(i), path + "[" + i + "]");
      }
    }
  }

  private static void refuse(String path, String problem) {
    throw new BadRequestResponse("'" + TextRules.printable(path) + "' " + problem);
  }

  /** Jackson's reason in the caller's terms, with where it happened. */
  private static String reason(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      message = "nested deeper than " + Json.MAX_NESTING_DEPTH + " levels";
    } else if (message != null && message.startsWith("Trailing token")) {
      message = "unexpected content after the JSON value";
    } else if (message != null && message.startsWith("Duplicate field")) {
      message = "duplicate key " + message.substring("Duplicate field ".length());
    }
    JsonLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 1
            ? ""
            : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return TextRules.printable(message == null ? e.getClass().getSimpleName() : message) + where;
  }
}
