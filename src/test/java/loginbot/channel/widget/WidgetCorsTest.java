package loginbot.channel.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import loginbot.web.AllowedOrigins;
import org.junit.jupiter.api.Test;

class WidgetCorsTest {

  @Test
  void by_default_only_pages_of_this_server_may_call_the_widget() {
    try (WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly())) {
      String self = "http://127.0.0.1:" + server.app.port();

      HttpResponse<String> same =
          server.post("/widget/conversations", "", b -> b.header("Origin", self));
      HttpResponse<String> foreign =
          server.post("/widget/conversations", "", b -> b.header("Origin", "https://evil.example"));

      assertThat(same.statusCode()).isEqualTo(201);
      assertThat(same.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      assertThat(foreign.statusCode()).isEqualTo(403);
      assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      assertThat(foreign.body()).doesNotContain("\"token\"");
    }
  }

  @Test
  void a_listed_origin_passes_the_preflight_and_gets_its_origin_echoed() {
    AllowedOrigins origins =
        AllowedOrigins.parse(List.of("https://app.example.com", "https://other.example"));
    try (WidgetServer server = new WidgetServer(origins)) {
      WidgetChannel.Created mine = server.createConversation();

      HttpResponse<String> preflight =
          server.send(
              HttpRequest.newBuilder(server.uri("/widget/conversations/" + mine.id() + "/messages"))
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", "https://app.example.com")
                  .header("Access-Control-Request-Method", "POST")
                  .header("Access-Control-Request-Headers", "content-type, x-widget-token")
                  .build());
      HttpResponse<String> read =
          server.get(
              WidgetChannelTest.messages(mine.id(), 0),
              b ->
                  b.header("Origin", "https://app.example.com")
                      .header("X-Widget-Token", mine.token()));
      HttpResponse<String> unlisted =
          server.get(
              WidgetChannelTest.messages(mine.id(), 0),
              b ->
                  b.header("Origin", "https://app.example.com.evil.example")
                      .header("X-Widget-Token", mine.token()));

      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("https://app.example.com");
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
          .containsIgnoringCase("x-widget-token");
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue("https://app.example.com");
      assertThat(read.headers().allValues("Vary")).contains("Origin");
      assertThat(unlisted.statusCode()).isEqualTo(403);
    }
  }

  @Test
  void a_star_lets_any_page_embed_the_widget() {
    try (WidgetServer server = new WidgetServer(AllowedOrigins.parse(List.of("*")))) {

      HttpResponse<String> response =
          server.post(
              "/widget/conversations", "", b -> b.header("Origin", "https://anywhere.example"));

      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }
  }
}
