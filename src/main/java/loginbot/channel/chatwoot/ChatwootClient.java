package loginbot.channel.chatwoot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Chatwoot's application API as an agent bot may call it (notes 1.8–1.11): one method per call,
 * authenticated by the bot's access token. Non-2xx answers throw {@link ChatwootApiException}.
 */
public final class ChatwootClient {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final long ERROR_BODY_BYTES = 2000;

  private final OkHttpClient http;
  private final HttpUrl baseUrl;
  private final String apiToken;
  private final ObjectMapper json;

  /**
   * @param http shared with nothing else that needs other timeouts; see {@link
   *     #defaultHttpClient()}
   */
  public ChatwootClient(OkHttpClient http, HttpUrl baseUrl, String apiToken, ObjectMapper json) {
    if (apiToken == null || apiToken.isBlank()) {
      throw new IllegalArgumentException("the Chatwoot API token must not be blank");
    }
    this.http = http;
    this.baseUrl = baseUrl;
    this.apiToken = apiToken;
    this.json = json;
  }

  /** The one client the process should share: bounded timeouts so a hung Chatwoot is retried. */
  public static OkHttpClient defaultHttpClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .writeTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(20))
        .build();
  }

  /** A public text message to the visitor. */
  public void sendText(ConversationRef c, String content) throws IOException {
    post(
        c,
        "messages",
        fields(
            "content",
            content,
            "message_type",
            "outgoing",
            "private",
            false,
            "content_type",
            "text"));
  }

  /** A public message with options; the visitor's choice comes back as {@code message_updated}. */
  public void sendInputSelect(ConversationRef c, String content, List<SelectItem> items)
      throws IOException {
    post(
        c,
        "messages",
        fields(
            "content",
            content,
            "message_type",
            "outgoing",
            "private",
            false,
            "content_type",
            "input_select",
            "content_attributes",
            fields("items", items)));
  }

  /** A note only agents see (markdown). */
  public void addPrivateNote(ConversationRef c, String markdown) throws IOException {
    post(c, "messages", fields("content", markdown, "message_type", "outgoing", "private", true));
  }

  /**
   * Sets the conversation's custom attributes; Chatwoot replaces the whole map, so pass all of
   * them.
   */
  public void setCustomAttributes(ConversationRef c, Map<String, Object> attributes)
      throws IOException {
    post(c, "custom_attributes", fields("custom_attributes", attributes));
  }

  /** Routes the conversation to a team (and, with auto-assignment, to one of its agents). */
  public void assignTeam(ConversationRef c, long teamId) throws IOException {
    post(c, "assignments", fields("team_id", teamId));
  }

  /** {@code open} hands a pending conversation over to the humans; {@code resolved} closes it. */
  public void toggleStatus(ConversationRef c, String status) throws IOException {
    post(c, "toggle_status", fields("status", status));
  }

  /** One option of an input_select. */
  public record SelectItem(String title, String value) {}

  private void post(ConversationRef c, String action, Object body) throws IOException {
    HttpUrl url =
        baseUrl
            .newBuilder()
            .addPathSegments("api/v1/accounts")
            .addPathSegment(Long.toString(c.accountId()))
            .addPathSegment("conversations")
            .addPathSegment(Long.toString(c.conversationId()))
            .addPathSegment(action)
            .build();
    Request request =
        new Request.Builder()
            .url(url)
            // Hyphenated: nginx drops headers with underscores (chatwoot#1057); Rails reads both.
            .header("Api-Access-Token", apiToken)
            .header("Accept", "application/json")
            .post(RequestBody.create(encode(body), JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new ChatwootApiException(
            "POST " + url.encodedPath(),
            response.code(),
            response.peekBody(ERROR_BODY_BYTES).string());
      }
    }
  }

  /** A JSON object with its keys in the given order (requests read well in logs and recordings). */
  private static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private byte[] encode(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode a Chatwoot request", e);
    }
  }
}
