package loginbot.channel.chatwoot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import java.util.Set;
import loginbot.web.Requests;

/**
 * Reads a webhook body into a {@link ChatwootEvent}; anything unreadable is a 400 that says why.
 */
final class EventParser {
  static final Set<String> MESSAGE_EVENTS = Set.of("message_created", "message_updated");
  static final Set<String> CONVERSATION_EVENTS =
      Set.of(
          "conversation_status_changed",
          "conversation_updated",
          "conversation_opened",
          "conversation_resolved");

  private final ObjectMapper json;
  private final Requests requests;

  EventParser(ObjectMapper json) {
    this.json = json;
    this.requests = new Requests(json);
  }

  ChatwootEvent parse(byte[] body) {
    JsonNode node = requests.object(body);
    String event = Requests.requiredText(node, "event", 100);
    if (MESSAGE_EVENTS.contains(event)) {
      ChatwootEvent.Message message = read(node, ChatwootEvent.Message.class);
      if (message.id() == null
          || message.account() == null
          || message.account().id() == null
          || message.conversation() == null
          || message.conversation().id() == null) {
        throw new BadRequestResponse(
            "a " + event + " event needs 'id', 'account.id' and 'conversation.id'");
      }
      return message;
    }
    if (CONVERSATION_EVENTS.contains(event)) {
      ChatwootEvent.ConversationChange change = read(node, ChatwootEvent.ConversationChange.class);
      if (change.id() == null) {
        throw new BadRequestResponse("a " + event + " event needs the conversation's 'id'");
      }
      return change;
    }
    return new ChatwootEvent.Other(event);
  }

  private <T> T read(JsonNode node, Class<T> type) {
    try {
      return json.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new BadRequestResponse(
          "not a Chatwoot " + node.get("event").asText() + " payload: " + e.getOriginalMessage());
    }
  }
}
