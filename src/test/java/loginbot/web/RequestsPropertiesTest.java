package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The edge's parser over random bytes, random JSON text, random Unicode and random id shapes. */
class RequestsPropertiesTest {
  private final ObjectMapper json = Json.newMapper();
  private final Requests requests = new Requests(json);

  @Property(tries = 3000)
  void any_bytes_give_an_object_or_a_400_never_another_error(@ForAll byte[] body) {
    accepted(body);
  }

  @Property(tries = 3000)
  void any_json_like_text_gives_an_object_or_a_400_never_another_error(
      @ForAll("jsonish") String body) {
    accepted(body.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 3000)
  void a_message_is_accepted_exactly_when_it_holds_no_control_character_or_lone_surrogate(
      @ForAll("unicode") String text) throws Exception {
    ObjectNode body = json.createObjectNode().put("sender", "s1").put("message", text);
    boolean clean = TextRules.problem(text, false).isEmpty();

    JsonNode parsed = accepted(json.writeValueAsBytes(body));

    assertThat(parsed != null).as(TextRules.printable(text)).isEqualTo(clean);
    if (parsed != null) {
      assertThat(parsed.get("message").textValue()).isEqualTo(text);
    }
  }

  @Property(tries = 3000)
  void an_id_is_accepted_exactly_when_it_is_one_visible_line(@ForAll("ids") String id)
      throws Exception {
    ObjectNode body = json.createObjectNode().put("sender", id);
    boolean visible =
        !id.isBlank()
            && id.length() <= 200
            && id.chars().noneMatch(c -> Character.getType(c) == Character.CONTROL)
            && id.chars().noneMatch(c -> c == 0x2028 || c == 0x2029)
            && id.chars()
                .noneMatch(c -> (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
            && TextRules.problem(id, false).isEmpty();

    boolean accepted;
    try {
      Requests.requiredId(json.readTree(json.writeValueAsBytes(body)), "sender", 200);
      accepted = true;
    } catch (BadRequestResponse e) {
      accepted = false;
    }

    assertThat(accepted).as(TextRules.printable(id)).isEqualTo(visible);
  }

  /** The parsed object, or null for a 400; any other exception fails the property. */
  private JsonNode accepted(byte[] body) {
    try {
      JsonNode node = requests.object(body);
      assertThat(node.isObject()).isTrue();
      return node;
    } catch (BadRequestResponse e) {
      assertThat(e.getMessage()).isNotBlank();
      return null;
    }
  }

  @Provide
  Arbitrary<String> jsonish() {
    return Arbitraries.strings()
        .withChars("{}[]\":,0123456789.-+eEtruefalsn \\u/bfnrt\ud83d\ude00a")
        .ofMaxLength(60)
        .map(s -> "{" + s);
  }

  @Provide
  Arbitrary<String> unicode() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings()
            .withChars("a \n\t\r\u0000\u0007\u007f\u0085\ud83d\ude00\ud800\udc00é")
            .ofMaxLength(20));
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.strings()
            .withChars("ab-_:1 \n\t\u2028\u202e\u2066\u0000\ud83d\ude00")
            .ofMaxLength(12),
        Arbitraries.strings().alpha().numeric().withChars(":-_").ofMinLength(1).ofMaxLength(220));
  }
}
