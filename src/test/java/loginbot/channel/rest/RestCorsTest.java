package loginbot.channel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import loginbot.TestBot;
import loginbot.web.AllowedOrigins;
import org.junit.jupiter.api.Test;

/**
 * CORS on the REST webhook, as {@code rasa run --cors} gives it, configured by the same {@code
 * ALLOWED_ORIGINS} as the widget.
 */
class RestCorsTest {
  private static final String SITE = "http://chat.example.test:8080";
  private static final String BODY = "{\"sender\":\"cors\",\"message\":\"hello\"}";

  private static RestServer allowing(String... origins) {
    return RestServer.start(TestBot.create(), AllowedOrigins.parse(List.of(origins)));
  }

  @Test
  void preflight_from_a_listed_origin_is_answered_with_the_cors_headers() {
    try (RestServer rest = allowing(SITE)) {
      RestServer.Answer preflight =
          rest.send(
              "OPTIONS",
              RestChannel.PATH,
              Map.of(
                  "Origin", SITE,
                  "Access-Control-Request-Method", "POST",
                  "Access-Control-Request-Headers", "content-type"));

      assertThat(preflight.code()).isEqualTo(204);
      assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(SITE);
      assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
      assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("content-type");
      assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");
      assertThat(preflight.header("Vary")).contains("Origin");
    }
  }

  @Test
  void a_listed_origin_may_post_and_read_the_replies() {
    try (RestServer rest = allowing(SITE)) {
      RestServer.Answer answer = rest.post(RestChannel.PATH, BODY, Map.of("Origin", SITE));

      assertThat(answer.code()).isEqualTo(200);
      assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(SITE);
      RestServer.Answer health = rest.send("GET", "/webhooks/rest/", Map.of("Origin", SITE));
      assertThat(health.header("Access-Control-Allow-Origin")).isEqualTo(SITE);
    }
  }

  @Test
  void star_allows_every_origin_like_rasa_run_cors_star() {
    try (RestServer rest = allowing("*")) {
      RestServer.Answer answer =
          rest.post(RestChannel.PATH, BODY, Map.of("Origin", "https://anywhere.example"));

      assertThat(answer.code()).isEqualTo(200);
      assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }
  }

  @Test
  void an_unlisted_origin_is_refused_before_anything_is_stored() {
    try (RestServer rest = allowing(SITE)) {
      RestServer.Answer preflight =
          rest.send(
              "OPTIONS",
              RestChannel.PATH,
              Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
      RestServer.Answer post =
          rest.post(RestChannel.PATH, BODY, Map.of("Origin", "https://evil.example"));

      assertThat(preflight.code()).isEqualTo(403);
      assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
      assertThat(post.code()).isEqualTo(403);
      assertThat(post.json().get("message").asText()).contains("ALLOWED_ORIGINS");
      assertThat(rest.bot.store.find("rest:cors")).isEmpty();
    }
  }

  @Test
  void by_default_only_pages_of_the_bot_itself_and_callers_without_an_origin_are_served() {
    try (RestServer rest = RestServer.start()) {
      String self = rest.url("");
      RestServer.Answer server = rest.post(BODY);
      RestServer.Answer samePage = rest.post(RestChannel.PATH, BODY, Map.of("Origin", self));
      RestServer.Answer foreign = rest.post(RestChannel.PATH, BODY, Map.of("Origin", SITE));

      assertThat(server.code()).isEqualTo(200);
      assertThat(server.header("Access-Control-Allow-Origin")).isNull();
      assertThat(samePage.code()).isEqualTo(200);
      assertThat(foreign.code()).isEqualTo(403);
    }
  }

  @Test
  void a_malformed_header_request_gets_content_type_only() {
    try (RestServer rest = allowing(SITE)) {
      RestServer.Answer preflight =
          rest.send(
              "OPTIONS",
              RestChannel.PATH,
              Map.of(
                  "Origin", SITE,
                  "Access-Control-Request-Method", "POST",
                  "Access-Control-Request-Headers", "content-type; evil"));

      assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("Content-Type");
    }
  }
}
