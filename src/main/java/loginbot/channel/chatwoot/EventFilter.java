package loginbot.channel.chatwoot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.Role;
import loginbot.nlu.Language;

/**
 * Chatwoot's rules for when a bot may speak (notes 1.12), applied to the payload alone: the bot
 * answers only the visitor, only in {@code pending} conversations no human is assigned to.
 */
final class EventFilter {
  static final int MAX_TEXT_CHARS = 4000;

  private final String roleAttribute;

  /**
   * @param roleAttribute the contact custom attribute holding "customer" or "professional"
   */
  EventFilter(String roleAttribute) {
    this.roleAttribute = roleAttribute;
  }

  Decision decide(ChatwootEvent event) {
    if (event instanceof ChatwootEvent.Message message) {
      return decideMessage(message);
    }
    if (event instanceof ChatwootEvent.ConversationChange change) {
      return decideChange(change);
    }
    return new Decision.Ignore("event " + event.event() + " is not for the bot");
  }

  private Decision decideMessage(ChatwootEvent.Message m) {
    if (m.isPrivate()) {
      return new Decision.Ignore("private note");
    }
    String text;
    if (m.event().equals("message_created")) {
      if (!"incoming".equals(m.messageType())) {
        return new Decision.Ignore(m.messageType() + " message is not from the visitor");
      }
      text = m.content();
    } else {
      // An option picked in our own input_select comes back as an update of that message.
      List<ChatwootEvent.SubmittedValue> submitted =
          m.contentAttributes() == null ? null : m.contentAttributes().submittedValues();
      if (submitted == null || submitted.isEmpty()) {
        return new Decision.Ignore("update without submitted values");
      }
      if (!"input_select".equals(m.contentType())
          || !"outgoing".equals(m.messageType())
          || m.sender() == null
          || !"agent_bot".equals(m.sender().type())) {
        return new Decision.Ignore("submitted values of a message the bot did not send");
      }
      var first = submitted.get(0);
      text = first.value() != null && !first.value().isBlank() ? first.value() : first.title();
    }
    if (text == null || text.isBlank()) {
      return new Decision.Ignore("no text");
    }
    ChatwootEvent.Conversation c = m.conversation();
    Optional<String> owner = humanOwner(c.status(), c.meta());
    if (owner.isPresent()) {
      return new Decision.Ignore(owner.get());
    }
    Map<String, Object> contactAttributes =
        "incoming".equals(m.messageType()) && m.sender() != null
            ? m.sender().customAttributes()
            : contactOf(c.meta());
    return new Decision.Act(
        new ConversationRef(m.account().id(), c.id()),
        m.event() + ":" + m.id(),
        text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text,
        role(contactAttributes).or(() -> role(contactOf(c.meta()))),
        c.additionalAttributes() == null
            ? Optional.empty()
            : Language.fromCode(c.additionalAttributes().browserLanguage()),
        attributes(c.customAttributes()));
  }

  private Decision decideChange(ChatwootEvent.ConversationChange c) {
    if (!c.event().equals("conversation_status_changed")
        && !c.event().equals("conversation_updated")) {
      return new Decision.Ignore("event " + c.event() + " needs nothing from the bot");
    }
    // Only a change that makes the conversation the bot's again counts; our own handoff calls
    // (attributes, team) also produce conversation_updated while the conversation is still pending.
    boolean becamePending =
        c.change("status")
            .map(s -> is(s.currentValue(), "pending") && !is(s.previousValue(), "pending"))
            .orElse(false);
    boolean humanLeft = c.change("assignee_id").map(a -> isNull(a.currentValue())).orElse(false);
    if (!becamePending && !humanLeft) {
      return new Decision.Ignore("change does not give the conversation back to the bot");
    }
    Optional<String> owner = humanOwner(c.status(), c.meta());
    if (owner.isPresent()) {
      return new Decision.Ignore(owner.get());
    }
    Optional<Long> account = c.accountId();
    if (account.isEmpty()) {
      return new Decision.Ignore("no account id in the payload");
    }
    return new Decision.HandBack(
        new ConversationRef(account.get(), c.id()), attributes(c.customAttributes()));
  }

  /** Why a human owns the conversation, if one does. */
  private static Optional<String> humanOwner(String status, ChatwootEvent.Meta meta) {
    if (!"pending".equals(status)) {
      return Optional.of("conversation is " + status + ", not pending");
    }
    boolean userAssigned =
        meta != null
            && ("User".equals(meta.assigneeType())
                || (meta.assignee() != null && "user".equals(meta.assignee().type())));
    return userAssigned ? Optional.of("a human agent is assigned") : Optional.empty();
  }

  private Optional<Role> role(Map<String, Object> contactAttributes) {
    Object value = contactAttributes == null ? null : contactAttributes.get(roleAttribute);
    return value instanceof String s ? Role.fromCode(s) : Optional.empty();
  }

  private static Map<String, Object> contactOf(ChatwootEvent.Meta meta) {
    return meta == null || meta.sender() == null ? null : meta.sender().customAttributes();
  }

  private static Map<String, Object> attributes(Map<String, Object> attributes) {
    return attributes == null ? Map.of() : attributes;
  }

  private static boolean is(JsonNode node, String text) {
    return node != null && node.isTextual() && node.asText().equals(text);
  }

  private static boolean isNull(JsonNode node) {
    return node == null || node.isNull();
  }
}
