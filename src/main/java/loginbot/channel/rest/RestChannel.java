package loginbot.channel.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import loginbot.channel.ConversationService;
import loginbot.channel.TurnOutcome;
import loginbot.dialogue.Action;
import loginbot.dialogue.Button;
import loginbot.web.AllowedOrigins;
import loginbot.web.Requests;
import loginbot.web.Routes;

/**
 * Rasa's REST channel ({@code RestInput}, Rasa 3.6), so existing clients work: {@code POST
 * /webhooks/rest/webhook} with {@code {sender, message, metadata}}, answered with an array of bot
 * messages, or with one message per line under {@code ?stream=true} as {@code rasa shell} reads it.
 * A sender addresses only REST conversations ({@code rest:<sender>}): whatever it looks like, it
 * never reaches a widget or Chatwoot conversation.
 */
public final class RestChannel implements Routes {
  public static final String PREFIX = "/webhooks/rest";
  public static final String PATH = PREFIX + "/webhook";
  private static final Pattern PARAGRAPHS = Pattern.compile("\n\n", Pattern.LITERAL);

  private final ConversationService conversations;
  private final Requests requests;
  private final ObjectMapper json;
  private final RestCors cors;

  /**
   * @param origins the pages of other sites that may call the channel ({@code ALLOWED_ORIGINS})
   */
  public RestChannel(
      ConversationService conversations,
      Requests requests,
      ObjectMapper json,
      AllowedOrigins origins) {
    this.conversations = conversations;
    this.requests = requests;
    this.json = json;
    this.cors = new RestCors(origins);
  }

  /** One element of the response array; absent fields are left out, as Rasa does. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record BotMessage(String recipient_id, String text, List<Button> buttons) {}

  @Override
  public void addTo(RoutesConfig routes) {
    routes.before(PREFIX, cors::apply);
    routes.before(PREFIX + "/*", cors::apply);
    routes.options(PREFIX, ctx -> ctx.status(204));
    routes.options(PREFIX + "/*", ctx -> ctx.status(204));
    routes.get(PREFIX, ctx -> ctx.json(Map.of("status", "ok")));
    routes.get(
        PATH,
        ctx -> {
          ctx.header("Allow", "POST");
          throw new HttpResponseException(405, "send messages with POST");
        });
    routes.post(PATH, this::receive);
  }

  private void receive(Context ctx) throws JsonProcessingException {
    RestRequest request = RestRequest.read(requests.object(ctx));
    TurnOutcome outcome = conversations.handle(request.inbound());
    List<BotMessage> messages = render(request.sender(), outcome.replies());
    if ("true".equalsIgnoreCase(ctx.queryParam("stream"))) {
      // Rasa's streaming answer, read by rasa shell: one JSON message object per line.
      StringBuilder lines = new StringBuilder();
      for (BotMessage m : messages) {
        lines.append(json.writeValueAsString(m)).append('\n');
      }
      ctx.contentType("text/event-stream; charset=utf-8").result(lines.toString());
      return;
    }
    ctx.json(messages);
  }

  /**
   * As Rasa's {@code CollectingOutputChannel}: a text without buttons becomes one message per
   * paragraph (split on blank lines); a text with buttons stays one message with its buttons.
   */
  static List<BotMessage> render(String recipient, List<Action.Reply> replies) {
    List<BotMessage> messages = new ArrayList<>();
    for (Action.Reply reply : replies) {
      if (!reply.buttons().isEmpty()) {
        messages.add(new BotMessage(recipient, reply.text(), reply.buttons()));
        continue;
      }
      for (String paragraph : PARAGRAPHS.split(reply.text().strip(), -1)) {
        // Rasa would send an empty paragraph too; Chatroom cannot show one and stops parsing.
        if (!paragraph.isBlank()) {
          messages.add(new BotMessage(recipient, paragraph, List.of()));
        }
      }
    }
    return messages;
  }
}
