package loginbot.nlu;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A YAML document as JSON that Jackson reads into the very same tokens, texts included (a number
 * keeps {@code 1.10}, which a {@code String} field gets as written). YAML that JSON cannot say so
 * is not converted: an alias, an anchor, a tag, {@code yes} for true, a number such as {@code 010},
 * several documents or none, or a syntax error (which the YAML reader then reports with its line).
 */
final class YamlToJson {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private YamlToJson() {}

  /** The document as compact JSON, or empty when it is not JSON's to say. */
  static Optional<String> convert(String yaml) {
    StringWriter out = new StringWriter();
    try (YAMLParser in = YAML.createParser(yaml);
        JsonGenerator json = JSON.createGenerator(out)) {
      int roots = 0;
      for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
        if (in.isCurrentAlias() || in.getObjectId() != null || in.getTypeId() != null) {
          return Optional.empty();
        }
        boolean startsRootValue =
            token.isStructStart()
                ? in.getParsingContext().getParent().inRoot()
                : !token.isStructEnd() && in.getParsingContext().inRoot();
        if (startsRootValue && ++roots > 1) {
          return Optional.empty();
        }
        if (!copy(token, in, json)) {
          return Optional.empty();
        }
      }
      if (roots == 0) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(out.toString());
  }

  private static boolean copy(JsonToken token, JsonParser in, JsonGenerator json)
      throws IOException {
    switch (token) {
      case START_OBJECT -> json.writeStartObject();
      case END_OBJECT -> json.writeEndObject();
      case START_ARRAY -> json.writeStartArray();
      case END_ARRAY -> json.writeEndArray();
      case FIELD_NAME -> json.writeFieldName(in.currentName());
      case VALUE_STRING -> json.writeString(in.getText());
      case VALUE_NULL -> json.writeNull();
      case VALUE_TRUE, VALUE_FALSE -> {
        if (!in.getText().equals(token.asString())) {
          return false;
        }
        json.writeBoolean(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        if (!JSON_NUMBER.matcher(in.getText()).matches()) {
          return false;
        }
        json.writeNumber(in.getText());
      }
      default -> {
        return false;
      }
    }
    return true;
  }
}
