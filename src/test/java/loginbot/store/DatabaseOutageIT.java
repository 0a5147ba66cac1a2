package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged server while its PostgreSQL goes away (a proxy the test cuts): the webhook answers
 * 503 with Retry-After so the platform retries, and the server recovers by itself afterwards.
 */
class DatabaseOutageIT {
  private final BotClient client = new BotClient();

  @Test
  void
      webhook_answers_503_while_the_database_is_down_and_the_retried_message_is_processed_once_after()
          throws Exception {
    try (TestPostgres postgres = TestPostgres.createSchema();
        TcpProxy proxy = new TcpProxy(postgres.url().host(), postgres.url().port())) {
      String viaProxy =
          postgres
              .databaseUrlForEnv()
              .replace(
                  postgres.url().host() + ":" + postgres.url().port(), "127.0.0.1:" + proxy.port());
      try (LoginbotProcess server =
          LoginbotProcess.start("outage", Map.of("DATABASE_URL", viaProxy))) {
        client.send(server.base(), "c1", "I can't log in", "m1");

        proxy.cut();
        HttpResponse<String> during =
            client.post(server.base(), "c1", "it says invalid password", "m2");

        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After")).isPresent();
        proxy.restore();
        HttpResponse<String> retried = retryUntilAnswered(server, "m2");
        assertThat(retried.statusCode()).isEqualTo(200);
        HttpResponse<String> again =
            client.post(server.base(), "c1", "it says invalid password", "m2");
        assertThat(again.body())
            .as("a redelivery after recovery gets the same answer")
            .isEqualTo(retried.body());
        assertThat(BotClient.lines(client.conversation(server.base(), "c1"), "USER"))
            .containsExactly("I can't log in", "it says invalid password");
      }
    }
  }

  /** As a platform would: resend while the answer is 503, a bounded number of times. */
  private HttpResponse<String> retryUntilAnswered(LoginbotProcess server, String messageId)
      throws Exception {
    HttpResponse<String> response = null;
    for (int attempt = 0; attempt < 15; attempt++) {
      response = client.post(server.base(), "c1", "it says invalid password", messageId);
      if (response.statusCode() != 503) {
        return response;
      }
    }
    return response;
  }
}
