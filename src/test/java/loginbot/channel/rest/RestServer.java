package loginbot.channel.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import loginbot.TestBot;
import loginbot.web.AllowedOrigins;
import loginbot.web.Json;
import loginbot.web.Requests;
import loginbot.web.WebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The REST channel over the real service ({@link TestBot}), served on a free port. */
final class RestServer implements AutoCloseable {
  static final ObjectMapper JSON = Json.newMapper();

  final TestBot bot;
  private final Javalin app;
  private final OkHttpClient http = new OkHttpClient();

  private RestServer(TestBot bot, AllowedOrigins origins) {
    this.bot = bot;
    this.app =
        WebServer.create(
                JSON, List.of(new RestChannel(bot.service, new Requests(JSON), JSON, origins)))
            .start("127.0.0.1", 0);
  }

  static RestServer start() {
    return start(TestBot.create(), AllowedOrigins.sameOriginOnly());
  }

  static RestServer start(TestBot bot, AllowedOrigins origins) {
    return new RestServer(bot, origins);
  }

  String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  /** What came back: the status, the headers that matter here, and the body. */
  record Answer(int code, String contentType, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null ? null : String.join(", ", values);
    }
  }

  Answer post(String body) {
    return post(RestChannel.PATH, body, Map.of());
  }

  Answer post(String path, String body, Map<String, String> headers) {
    Request.Builder request =
        new Request.Builder()
            .url(url(path))
            .post(RequestBody.create(body, MediaType.get("application/json")));
    headers.forEach(request::header);
    return send(request.build());
  }

  Answer send(String method, String path, Map<String, String> headers) {
    Request.Builder request = new Request.Builder().url(url(path)).method(method, null);
    headers.forEach(request::header);
    return send(request.build());
  }

  private Answer send(Request request) {
    try (Response response = http.newCall(request).execute()) {
      Map<String, List<String>> headers = new java.util.HashMap<>();
      response
          .headers()
          .toMultimap()
          .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
      return new Answer(
          response.code(), response.header("Content-Type"), headers, response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
