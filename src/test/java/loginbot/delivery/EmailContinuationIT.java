package loginbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent answers reach users who are not in the chat, by e-mail through a real SMTP server
 * (GreenMail, in process): once, in the conversation's language, with a link that reopens the chat;
 * and never when the user saw the answer in an open widget.
 */
class EmailContinuationIT {
  private GreenMail smtp;

  @TempDir Path dataDir;

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  private LiveBot bot() {
    Map<String, String> env = new HashMap<>();
    env.put("SMTP_URL", "smtp://bot:secret@127.0.0.1:" + smtp.getSmtp().getPort());
    env.put("SMTP_FROM", "answers@loginbot.test");
    env.put("MAIL_DELAY_SECONDS", "1");
    smtp.setUser("bot", "secret");
    return LiveBot.start(dataDir, env);
  }

  /** A widget conversation: its id and token. */
  private record Widget(String id, String token) {}

  private static Widget open(LiveBot bot) {
    JsonNode created = bot.parse(bot.post("/widget/conversations", "{}", "Origin", bot.url("")));
    return new Widget(created.get("id").asText(), created.get("token").asText());
  }

  private static JsonNode say(LiveBot bot, Widget w, Map<String, Object> body) {
    return bot.parse(
        bot.post(
            "/widget/conversations/" + w.id() + "/messages",
            body,
            "X-Widget-Token",
            w.token(),
            "Origin",
            bot.url("")));
  }

  @Test
  void a_widget_user_who_left_gets_the_answer_by_e_mail_once_with_a_link_that_reopens_the_chat()
      throws Exception {
    try (LiveBot bot = bot()) {
      // given: the page gave the user's address; the user asks for a person, then leaves
      Widget w = open(bot);
      JsonNode handoff =
          say(
              bot,
              w,
              Map.of(
                  "text", "Je veux parler à une personne",
                  "language", "fr",
                  "email", "Marie.Dupont@Example.com",
                  "page", bot.url("/help/login?from=app")));
      assertThat(handoff.get("status").asText()).isEqualTo("handoff");
      assertThat(handoff.toString())
          .contains("nous enverrons sa réponse à Marie.Dupont@example.com");

      // when: an agent answers and nobody reads it in the chat
      bot.agent(
          "/api/conversations/" + w.id() + "/messages",
          Map.of("text", "Bonjour Marie, votre compte est réactivé."));

      // then: one e-mail, in French, with the answer and a link back to the chat
      assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
      bot.awaitNothingToDeliver();
      MimeMessage[] received = smtp.getReceivedMessages();
      assertThat(received).hasSize(1);
      MimeMessage mail = received[0];
      assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("Marie.Dupont@example.com");
      assertThat(mail.getFrom()[0].toString()).isEqualTo("answers@loginbot.test");
      assertThat(mail.getSubject()).isEqualTo("Une réponse de notre équipe de soutien");
      String text = mail.getContent().toString();
      assertThat(text).contains("Alice, de notre équipe de soutien");
      assertThat(text).contains("> Bonjour Marie, votre compte est réactivé.");
      Matcher link =
          Pattern.compile(
                  Pattern.quote(bot.url("/help/login?from=app")) + "#loginbot=([^.\\s]+)\\.(\\S+)")
              .matcher(text);
      assertThat(link.find()).as("reopen link in:\n" + text).isTrue();
      assertThat(link.group(1)).isEqualTo(w.id());
      HttpResponse<String> reopened =
          bot.get(
              "/widget/conversations/" + link.group(1) + "/messages?after=0",
              "X-Widget-Token",
              link.group(2));
      assertThat(reopened.statusCode()).isEqualTo(200);
      assertThat(reopened.body()).contains("votre compte est réactivé");
    }
  }

  @Test
  void an_answer_shown_in_an_open_widget_is_not_e_mailed() throws Exception {
    try (LiveBot bot = bot()) {
      Widget w = open(bot);
      say(bot, w, Map.of("text", "I want to talk to a person", "email", "jane@example.com"));
      CompletableFuture<String> stream = stream(bot, w, "Hi Jane, Alice here.");

      bot.agent(
          "/api/conversations/" + w.id() + "/messages", Map.of("text", "Hi Jane, Alice here."));

      assertThat(stream.get(15, TimeUnit.SECONDS)).contains("\"author\":\"agent\"");
      bot.awaitNothingToDeliver();
      assertThat(smtp.getReceivedMessages()).as("seen live, so not e-mailed").isEmpty();
    }
  }

  @Test
  void a_rest_user_leaves_an_address_when_asked_and_gets_the_answer_there() throws Exception {
    try (LiveBot bot = bot()) {
      // given: a REST client without a callback cannot be answered while it waits
      JsonNode handoff = bot.rest("rest-mail", "I want to talk to a person");
      assertThat(handoff.toString())
          .contains("Type your e-mail address here and we'll send you their answer")
          .doesNotContain("answer here in this chat");

      JsonNode invalid = bot.rest("rest-mail", "it is jane@example");
      JsonNode saved = bot.rest("rest-mail", "jane.doe@example.com");

      assertThat(invalid.get(0).get("text").asText()).contains("doesn't look like a complete");
      assertThat(saved.get(0).get("text").asText())
          .isEqualTo("Thank you! We'll send their answer to jane.doe@example.com.");
      JsonNode view = bot.agentGet("/api/conversations/rest-mail");
      assertThat(view.get("handoff").get("facts").get("reply_email").asText())
          .isEqualTo("jane.doe@example.com");
      assertThat(view.get("replyEmail").asText()).isEqualTo("jane.doe@example.com");

      // when: the agent answers
      bot.agent("/api/conversations/rest-mail/messages", Map.of("text", "Done, try again now."));

      // then: an e-mail without a widget link, and the answer also waits for the next message
      assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
      String text = smtp.getReceivedMessages()[0].getContent().toString();
      assertThat(text).contains("> Done, try again now.").doesNotContain("#loginbot=");
      JsonNode next = bot.rest("rest-mail", "any news?");
      assertThat(next.get(0).get("text").asText()).isEqualTo("Done, try again now.");
      assertThat(bot.rest("rest-mail", "thanks").toString()).doesNotContain("Done, try again");
    }
  }

  /** The first SSE data line holding {@code text}, read from the widget's event stream. */
  private static CompletableFuture<String> stream(LiveBot bot, Widget w, String text)
      throws java.io.IOException {
    // The stream opens with a one-minute ticket, never with the token itself.
    String ticket =
        bot.json
            .readTree(
                bot.post(
                        "/widget/conversations/" + w.id() + "/tickets",
                        Map.of(),
                        "X-Widget-Token",
                        w.token())
                    .body())
            .get("ticket")
            .asText();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    bot.url(
                        "/widget/conversations/" + w.id() + "/events?after=0&ticket=" + ticket)))
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(30))
            .build();
    return CompletableFuture.supplyAsync(
        () -> {
          HttpResponse<InputStream> response = bot.sendStreaming(request);
          try (BufferedReader lines =
              new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
              if (line.startsWith("data:") && line.contains(text)) {
                return line;
              }
            }
            return "";
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}
