package loginbot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.Optional;

/** Strict reading of JSON request bodies, with errors that say which field is wrong. */
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
      throw new BadRequestResponse("body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new BadRequestResponse("body could not be read");
    }
    if (node == null || !node.isObject()) {
      throw new BadRequestResponse("body must be a JSON object");
    }
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
    return text;
  }

  public static Optional<String> optionalText(JsonNode parent, String field, int maxLength) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    return Optional.of(requiredText(parent, field, maxLength));
  }
}
