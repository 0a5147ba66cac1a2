package loginbot.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import loginbot.web.Json;

/**
 * The HTTP contract of DESIGN.md as a client: the REST webhook and the agents' conversation API.
 */
final class BotClient {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final ObjectMapper json = Json.newMapper();

  /**
   * How often a refused message (503, the store's back-pressure) is sent again, as platforms do.
   */
  static final int ATTEMPTS = 30;

  /**
   * Sends one message; returns the bot's reply texts. A 503 is retried after its Retry-After, as a
   * platform retries (the message was refused before its turn, so nothing ran); anything else but
   * 200 is an error naming the answer.
   */
  List<String> send(URI base, String sender, String text, String messageId)
      throws IOException, InterruptedException {
    HttpResponse<String> response = post(base, sender, text, messageId);
    for (int attempt = 1; response.statusCode() == 503 && attempt < ATTEMPTS; attempt++) {
      long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
      Thread.sleep(Duration.ofSeconds(seconds).toMillis());
      response = post(base, sender, text, messageId);
    }
    if (response.statusCode() != 200) {
      throw new IOException("webhook answered " + response.statusCode() + ": " + response.body());
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode message : json.readTree(response.body())) {
      texts.add(message.path("text").asText());
    }
    return texts;
  }

  /**
   * Sends one message as a customer writing English, with {@code metadata.message_id} when given.
   */
  HttpResponse<String> post(URI base, String sender, String text, String messageId)
      throws IOException, InterruptedException {
    ObjectNode body = json.createObjectNode().put("sender", sender).put("message", text);
    ObjectNode metadata = body.putObject("metadata").put("role", "customer").put("language", "en");
    if (messageId != null) {
      metadata.put("message_id", messageId);
    }
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/webhooks/rest/webhook"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** GET /api/conversations/{id} as an agent. */
  JsonNode conversation(URI base, String id) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/conversations/" + id))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + LoginbotProcess.AGENT_TOKEN)
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "conversation " + id + " answered " + response.statusCode() + ": " + response.body());
    }
    return json.readTree(response.body());
  }

  /**
   * Texts of the transcript lines written by {@code author} (USER, BOT, AGENT, SYSTEM), in order.
   */
  static List<String> lines(JsonNode conversation, String author) {
    List<String> texts = new ArrayList<>();
    for (JsonNode line : conversation.path("transcript")) {
      if (author.equals(line.path("author").asText())) {
        texts.add(line.path("text").asText());
      }
    }
    return texts;
  }
}
