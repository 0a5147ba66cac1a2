package loginbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulStopTest {

  @Test
  void stopping_the_server_lets_a_turn_in_flight_finish_and_answer() throws Exception {
    var entered = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    Javalin app =
        WebServer.create(
                Json.newMapper(),
                List.of(
                    routes ->
                        routes.post(
                            "/slow",
                            ctx -> {
                              entered.countDown();
                              release.await(30, TimeUnit.SECONDS);
                              ctx.result("finished");
                            })),
                Duration.ofSeconds(30))
            .start(0);
    var client = HttpClient.newHttpClient();
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/slow"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();

    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::stop);
    awaitStopping(app);
    release.countDown();

    HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
    stopping.get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("finished");
  }

  @Test
  void while_draining_chatwoot_gets_429_which_it_retries_and_other_callers_503() throws Exception {
    var entered = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    Routes slow =
        routes ->
            routes.post(
                "/slow",
                ctx -> {
                  entered.countDown();
                  release.await(30, TimeUnit.SECONDS);
                  ctx.result("finished");
                });
    Routes chatwoot = routes -> routes.post("/webhooks/chatwoot", ctx -> ctx.result("{}"));
    Javalin app =
        WebServer.create(Json.newMapper(), List.of(slow, chatwoot), Duration.ofSeconds(30))
            .start(0);
    var client = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + app.port();
    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(post(base + "/slow"), HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::stop);
    awaitStopping(app);

    HttpResponse<String> webhook =
        client.send(post(base + "/webhooks/chatwoot"), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> other =
        client.send(post(base + "/slow"), HttpResponse.BodyHandlers.ofString());
    release.countDown();
    inFlight.get(30, TimeUnit.SECONDS);
    stopping.get(30, TimeUnit.SECONDS);

    assertThat(webhook.statusCode()).isEqualTo(429);
    assertThat(webhook.headers().firstValue("Retry-After")).contains("3");
    assertThat(other.statusCode()).isEqualTo(503);
  }

  private static HttpRequest post(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }

  /**
   * Waits (bounded) until Jetty has begun its graceful stop, so the request really is in flight
   * during it.
   */
  private static void awaitStopping(Javalin app) throws InterruptedException {
    for (int i = 0; i < 3000 && !app.jettyServer().server().isStopping(); i++) {
      Thread.sleep(10);
    }
    assertThat(app.jettyServer().server().isStopping()).isTrue();
  }
}
