package loginbot.nlu;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A content file's text as Jackson reads it: YAML as a writer edits it, or the JSON copy the build
 * made of the jar's YAML ({@link PackagedContent}), read without the YAML parser.
 *
 * @param path the content path ({@code content/cases/x.yaml}), the same for both syntaxes
 * @param json whether {@code text} is the build's JSON copy
 */
public record ContentText(String path, String text, boolean json) {
  private static final JsonFactory JSON = new JsonFactory();

  /** A YAML file as written. */
  public static ContentText yaml(String path, String text) {
    return new ContentText(path, text, false);
  }

  static ContentText jsonCopy(String path, String text) {
    return new ContentText(path, text, true);
  }

  /**
   * The file's value as {@code mapper} (configured for JSON; the syntax is the parser's) reads it.
   * Should the jar's JSON copy not fit {@code type}, its YAML is read instead, so that the error
   * names the line the writer wrote.
   */
  public <T> T read(ObjectMapper mapper, Class<T> type) throws JsonProcessingException {
    return read(parser -> mapper.readValue(parser, type));
  }

  /** Like {@link #read(ObjectMapper, Class)}, for a generic type. */
  public <T> T read(ObjectMapper mapper, TypeReference<T> type) throws JsonProcessingException {
    return read(parser -> mapper.readValue(parser, type));
  }

  /** What a mapper does with a parser. */
  private interface Reading<T> {
    T from(JsonParser parser) throws IOException;
  }

  private <T> T read(Reading<T> reading) throws JsonProcessingException {
    if (!json) {
      return read(Yaml.parser(text), reading);
    }
    try {
      return read(JSON.createParser(text), reading);
    } catch (JsonProcessingException e) {
      Optional<String> yaml = PackagedContent.yaml(path);
      if (yaml.isEmpty()) {
        throw e;
      }
      return yaml(path, yaml.get()).read(reading);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private <T> T read(JsonParser parser, Reading<T> reading) throws JsonProcessingException {
    try (parser) {
      return reading.from(parser);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The YAML parser, in a class of its own: a start that reads only JSON never loads it. */
  private static final class Yaml {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    static JsonParser parser(String text) {
      try {
        return FACTORY.createParser(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
