package loginbot.channel.chatwoot;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts webhook deliveries the way Chatwoot v4.13 does: delivery id, timestamp and signature
 * headers.
 */
final class WebhookClient {
  // Not OkHttp's default 10 s read timeout, which acts as a timed assertion: a very long message
  // (ChatwootLongTextTest) takes seconds of CPU, and the suite's test classes share two cores.
  private final OkHttpClient http =
      new OkHttpClient.Builder().readTimeout(java.time.Duration.ofSeconds(60)).build();
  private final String url;
  private final String secret;
  private final Clock clock;

  /**
   * @param secret null sends unsigned deliveries, like Chatwoot before 4.13
   */
  WebhookClient(int port, String secret, Clock clock) {
    this.url = "http://localhost:" + port + ChatwootWebhook.PATH;
    this.secret = secret;
    this.clock = clock;
  }

  /** The status and body of the answer. */
  record Answer(int code, String body) {}

  Answer deliver(byte[] body) throws IOException {
    return deliver(body, UUID.randomUUID().toString());
  }

  Answer deliver(byte[] body, String deliveryId) throws IOException {
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    Request.Builder request =
        new Request.Builder()
            .url(url)
            .header("Accept", "application/json")
            .header(ChatwootWebhook.DELIVERY, deliveryId)
            .post(RequestBody.create(body, MediaType.get("application/json")));
    if (secret != null) {
      request
          .header(ChatwootWebhook.TIMESTAMP, timestamp)
          .header(ChatwootWebhook.SIGNATURE, SignatureVerifier.sign(secret, timestamp, body));
    }
    return send(request.build());
  }

  Answer deliverWithHeaders(byte[] body, String timestamp, String signature) throws IOException {
    Request.Builder request =
        new Request.Builder()
            .url(url)
            .header(ChatwootWebhook.DELIVERY, UUID.randomUUID().toString())
            .post(RequestBody.create(body, MediaType.get("application/json")));
    if (timestamp != null) {
      request.header(ChatwootWebhook.TIMESTAMP, timestamp);
    }
    if (signature != null) {
      request.header(ChatwootWebhook.SIGNATURE, signature);
    }
    return send(request.build());
  }

  private Answer send(Request request) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      return new Answer(response.code(), response.body().string());
    }
  }
}
