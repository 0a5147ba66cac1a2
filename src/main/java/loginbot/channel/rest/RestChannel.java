package loginbot.channel.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import loginbot.channel.ConversationService;
import loginbot.channel.InboundMessage;
import loginbot.channel.TurnOutcome;
import loginbot.dialogue.Action;
import loginbot.dialogue.Button;
import loginbot.dialogue.Role;
import loginbot.nlu.Language;
import loginbot.web.Requests;
import loginbot.web.Routes;

/**
 * Rasa's REST channel convention, so existing clients work: {@code POST /webhooks/rest/webhook}
 * with {@code {sender, message, metadata}}, answered synchronously with an array of bot messages.
 */
public final class RestChannel implements Routes {
  public static final String PATH = "/webhooks/rest/webhook";
  static final int MAX_MESSAGE_CHARS = 4000;
  static final int MAX_ID_CHARS = 200;

  private final ConversationService conversations;
  private final Requests requests;

  public RestChannel(ConversationService conversations, Requests requests) {
    this.conversations = conversations;
    this.requests = requests;
  }

  /** One element of the response array; null fields are left out, as Rasa does. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record BotMessage(String recipient_id, String text, List<Button> buttons) {}

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/webhooks/rest/", ctx -> ctx.json(java.util.Map.of("status", "ok")));
    routes.post(PATH, this::receive);
  }

  private void receive(Context ctx) {
    InboundMessage message = parse(requests.object(ctx));
    TurnOutcome outcome = conversations.handle(message);
    ctx.json(render(message.conversationId(), outcome.replies()));
  }

  static InboundMessage parse(JsonNode body) {
    String sender = Requests.requiredId(body, "sender", MAX_ID_CHARS);
    String text = Requests.requiredText(body, "message", MAX_MESSAGE_CHARS);
    JsonNode metadata = body.get("metadata");
    Optional<Role> role = Optional.empty();
    Optional<Language> language = Optional.empty();
    String messageId = null;
    if (metadata != null && !metadata.isNull()) {
      if (!metadata.isObject()) {
        throw new BadRequestResponse("'metadata' must be an object");
      }
      role =
          Requests.optionalText(metadata, "role", 40)
              .map(
                  r ->
                      Role.fromCode(r)
                          .orElseThrow(
                              () ->
                                  new BadRequestResponse(
                                      "'metadata.role' must be 'customer' or 'professional'")));
      language =
          Requests.optionalText(metadata, "language", 20)
              .map(
                  l ->
                      Language.fromCode(l)
                          .orElseThrow(
                              () ->
                                  new BadRequestResponse(
                                      "'metadata.language' must be 'en' or 'fr'")));
      messageId = Requests.optionalId(metadata, "message_id", MAX_ID_CHARS).orElse(null);
    }
    return new InboundMessage("rest", sender, messageId, text, role, language);
  }

  static List<BotMessage> render(String recipient, List<Action.Reply> replies) {
    return replies.stream().map(r -> new BotMessage(recipient, r.text(), r.buttons())).toList();
  }
}
