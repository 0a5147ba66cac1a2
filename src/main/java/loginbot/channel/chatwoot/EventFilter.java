package loginbot.channel.chatwoot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.Role;
import loginbot.nlu.Language;

/**
 * Chatwoot's rules for when a bot may speak, applied to the payload alone. As for Chatwoot's own
 * bots, a {@code pending} conversation is the bot's turn, whoever is assigned (a visitor writing
 * again in a conversation a human resolved makes it pending and keeps the human as assignee); an
 * {@code open} one is the humans'. The bot answers only the visitor.
 */
final class EventFilter {
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
    ChatwootEvent.Conversation c = m.conversation();
    String text;
    if (m.event().equals("message_created")) {
      if (human(m)) {
        return humanReply(m);
      }
      if (!"incoming".equals(m.messageType())) {
        return new Decision.Ignore(m.messageType() + " message is not from the visitor");
      }
      text = m.content();
    } else {
      if ("input_csat".equals(m.contentType())) {
        return rating(m);
      }
      // An option picked in our own input_select comes back as an update of that message.
      List<ChatwootEvent.SubmittedValue> picked =
          m.contentAttributes() == null ? List.of() : m.contentAttributes().picked();
      if (picked.isEmpty()) {
        return new Decision.Ignore("update without submitted values");
      }
      if (!"input_select".equals(m.contentType())
          || !"outgoing".equals(m.messageType())
          || m.sender() == null
          || !"agent_bot".equals(m.sender().type())) {
        return new Decision.Ignore("submitted values of a message the bot did not send");
      }
      var first = picked.get(0);
      text = first.value() != null && !first.value().isBlank() ? first.value() : first.title();
    }
    // Files come with message_created only (Chatwoot sends an image with no text as content null).
    List<ChatwootEvent.Attachment> files =
        m.event().equals("message_created") ? m.attachments() : List.of();
    if ((text == null || text.isBlank()) && files.isEmpty()) {
      return new Decision.Ignore("no text");
    }
    if (!"pending".equals(c.status())) {
      return new Decision.Ignore("conversation is " + c.status() + ", not pending");
    }
    Map<String, Object> contactAttributes =
        "incoming".equals(m.messageType()) && m.sender() != null
            ? m.sender().customAttributes()
            : contactOf(c.meta());
    return new Decision.Act(
        new ConversationRef(m.account().id(), c.id()),
        m.event() + ":" + m.id(),
        text == null ? "" : text,
        role(contactAttributes).or(() -> role(contactOf(c.meta()))),
        c.additionalAttributes() == null
            ? Optional.empty()
            : Language.fromCode(c.additionalAttributes().browserLanguage()),
        attributes(c.customAttributes()),
        files);
  }

  /** A public message an agent (a Chatwoot user, not a bot) wrote to the visitor. */
  private static boolean human(ChatwootEvent.Message m) {
    return "outgoing".equals(m.messageType())
        && m.sender() != null
        && "user".equals(m.sender().type());
  }

  private static Decision humanReply(ChatwootEvent.Message m) {
    ChatwootEvent.Conversation c = m.conversation();
    String name =
        m.sender().name() == null || m.sender().name().isBlank() ? "An agent" : m.sender().name();
    String text = m.content() == null ? "" : m.content();
    return new Decision.HumanReply(
        new ConversationRef(m.account().id(), c.id()),
        m.event() + ":" + m.id(),
        name,
        text,
        "pending".equals(c.status()));
  }

  /** The CSAT survey is a template message; its answer comes back as its update. */
  private static Decision rating(ChatwootEvent.Message m) {
    Optional<ChatwootEvent.Csat> csat =
        m.contentAttributes() == null ? Optional.empty() : m.contentAttributes().csat();
    if (csat.isEmpty() || csat.get().rating() == null) {
      return new Decision.Ignore("survey without a rating");
    }
    int rating = csat.get().rating();
    if (rating < 1 || rating > 5) {
      return new Decision.Ignore("survey rating " + rating + " is not 1 to 5");
    }
    return new Decision.Rate(
        new ConversationRef(m.account().id(), m.conversation().id()),
        m.event() + ":" + m.id(),
        rating,
        csat.get().feedbackMessage());
  }

  private Decision decideChange(ChatwootEvent.ConversationChange c) {
    if (!c.event().equals("conversation_status_changed")
        && !c.event().equals("conversation_updated")) {
      return new Decision.Ignore("event " + c.event() + " needs nothing from the bot");
    }
    // conversation_status_changed carries changed_attributes: null in practice (Chatwoot 4.16);
    // the change comes again in conversation_updated, the event acted on.
    boolean becamePending =
        c.change("status")
            .map(s -> is(s.currentValue(), "pending") && !is(s.previousValue(), "pending"))
            .orElse(false);
    boolean humanLeft = c.change("assignee_id").map(a -> isNull(a.currentValue())).orElse(false);
    // Assigning a conversation to the bot leaves it open (assign_agent_bot): the bot takes it as
    // a hand-back and sets it to pending itself.
    boolean botAssigned =
        c.change("assignee_agent_bot_id").map(a -> !isNull(a.currentValue())).orElse(false);
    boolean pending = "pending".equals(c.status());
    boolean open = "open".equals(c.status());
    if (!botAssigned && !(pending && (becamePending || humanLeft))) {
      return new Decision.Ignore(
          pending || open
              ? "change does not give the conversation back to the bot"
              : "conversation is " + c.status() + ", not pending");
    }
    if (botAssigned && !pending && !open) {
      return new Decision.Ignore("conversation is " + c.status() + ", not pending");
    }
    Optional<Long> account = c.accountId();
    if (account.isEmpty()) {
      return new Decision.Ignore("no account id in the payload");
    }
    return new Decision.HandBack(
        new ConversationRef(account.get(), c.id()), attributes(c.customAttributes()), !pending);
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
