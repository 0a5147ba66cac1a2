package loginbot.channel.chatwoot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import loginbot.web.Json;

/** Chatwoot v4.13 webhook payloads from src/test/resources/chatwoot/, raw or as editable trees. */
final class Fixtures {
  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/chatwoot/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode tree(String name) {
    try {
      return (ObjectNode) Json.newMapper().readTree(bytes(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(ObjectNode tree) {
    try {
      return Json.newMapper().writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ChatwootEvent event(String name) {
    return new EventParser(Json.newMapper()).parse(bytes(name));
  }

  static ChatwootEvent event(ObjectNode tree) {
    return new EventParser(Json.newMapper()).parse(bytes(tree));
  }
}
