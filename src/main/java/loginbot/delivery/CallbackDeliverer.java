package loginbot.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import loginbot.dialogue.Button;
import loginbot.store.ConversationStore;
import loginbot.store.OutboxItem;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs later messages of REST conversations to {@code REST_CALLBACK_URL}, Rasa's callback
 * convention: one {@code {"recipient_id", "text", "buttons"?}} per message. With a secret, each
 * POST carries {@code X-Loginbot-Timestamp} (Unix seconds) and {@code X-Loginbot-Signature:
 * sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. 408, 429, 5xx and transport errors are
 * retried; another 4xx is dropped. {@code X-Loginbot-Delivery} is the same on every retry, so a
 * receiver can drop a repeat (an instance that died between the 2xx and recording it).
 */
public final class CallbackDeliverer implements Deliverer {
  public static final String KIND = "callback.message";
  static final String TIMESTAMP = "X-Loginbot-Timestamp";
  static final String SIGNATURE = "X-Loginbot-Signature";
  static final String DELIVERY = "X-Loginbot-Delivery";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final HttpUrl url;
  private final Optional<byte[]> secret;
  private final ConversationStore store;
  private final Clock clock;
  private final ObjectMapper json;

  public CallbackDeliverer(
      OkHttpClient http,
      HttpUrl url,
      Optional<String> secret,
      ConversationStore store,
      Clock clock,
      ObjectMapper json) {
    this.http = http;
    this.url = url;
    this.secret = secret.map(s -> s.getBytes(StandardCharsets.UTF_8));
    this.store = store;
    this.clock = clock;
    this.json = json;
  }

  /** The body of one POST, as Rasa's REST channel shapes a message; no buttons, no key. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Message(String recipient_id, String text, List<Button> buttons) {}

  /** An outbox item: the message and the transcript line it carries (seen once delivered). */
  public record Item(long seq, Message message) {}

  @Override
  public String kindPrefix() {
    return KIND;
  }

  @Override
  public void deliver(OutboxItem item) throws IOException {
    Item decoded;
    byte[] body;
    try {
      decoded = json.readValue(item.payload(), Item.class);
      body = json.writeValueAsBytes(decoded.message());
    } catch (JsonProcessingException e) {
      throw new UndeliverableException("unreadable callback item: " + e.getOriginalMessage(), e);
    }
    Request.Builder request =
        new Request.Builder()
            .url(url)
            .header(DELIVERY, Long.toString(item.id()))
            .post(RequestBody.create(body, JSON));
    if (secret.isPresent()) {
      String timestamp = Long.toString(clock.instant().getEpochSecond());
      request
          .header(TIMESTAMP, timestamp)
          .header(SIGNATURE, signature(secret.get(), timestamp, body));
    }
    try (Response response = http.newCall(request.build()).execute()) {
      int status = response.code();
      if (status == 408 || status == 429 || status >= 500) {
        throw new IOException("the callback answered HTTP " + status);
      }
      if (!response.isSuccessful()) {
        throw new UndeliverableException("the callback refused it with HTTP " + status);
      }
    }
    store.markSeen(item.conversationId(), decoded.seq());
  }

  /** {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body}. */
  public static String signature(byte[] secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
