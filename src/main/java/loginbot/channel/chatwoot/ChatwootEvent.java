package loginbot.channel.chatwoot;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of Chatwoot's agent-bot webhook payloads (v4.13 to v4.16.2) the bot reads; everything
 * else, notably {@code contact_inbox.pubsub_token}, is never mapped.
 */
public sealed interface ChatwootEvent {
  String event();

  /**
   * {@code message_created} / {@code message_updated}: {@code Message#webhook_data} plus the event.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Message(
      String event,
      Long id,
      String content,
      String messageType,
      String contentType,
      ContentAttributes contentAttributes,
      @JsonProperty("private") boolean isPrivate,
      Party sender,
      Account account,
      Conversation conversation,
      List<Attachment> attachments)
      implements ChatwootEvent {

    public Message {
      attachments =
          attachments == null ? List.of() : attachments.stream().filter(a -> a != null).toList();
    }
  }

  /**
   * One file of a message, {@code Attachment#push_event_data}: {@code file_type} is the enum's name
   * ({@code image}, {@code audio}, {@code video}, {@code file}, {@code location}, ...), {@code
   * data_url} the file's address on Chatwoot (a redirect to where it is stored), {@code file_size}
   * in bytes.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Attachment(Long id, String fileType, String dataUrl, Long fileSize) {

    public boolean image() {
      return "image".equals(fileType);
    }
  }

  /** {@code conversation_*}: the conversation's webhook data at top level, plus what changed. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ConversationChange(
      String event,
      Long id,
      String status,
      Meta meta,
      Account account,
      List<LatestMessage> messages,
      Map<String, Object> customAttributes,
      List<Map<String, Change>> changedAttributes)
      implements ChatwootEvent {

    /** Conversation payloads carry no account (chatwoot#12442); the latest message does. */
    public Optional<Long> accountId() {
      if (account != null && account.id() != null) {
        return Optional.of(account.id());
      }
      return messages == null
          ? Optional.empty()
          : messages.stream().map(LatestMessage::accountId).filter(a -> a != null).findFirst();
    }

    /** The change of one attribute, if this event reports it. */
    public Optional<Change> change(String attribute) {
      return changedAttributes == null
          ? Optional.empty()
          : changedAttributes.stream()
              .filter(c -> c != null && c.containsKey(attribute))
              .map(c -> c.get(attribute))
              .filter(c -> c != null)
              .findFirst();
    }
  }

  /** Any other event (webwidget_triggered, ...): acknowledged and ignored. */
  record Other(String event) implements ChatwootEvent {}

  /** Only the id is read: the account is the first half of the conversation key. */
  record Account(Long id) {}

  /** A contact, user or agent bot, as {@code sender} or in {@code meta}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Party(Long id, String name, String type, Map<String, Object> customAttributes) {}

  /** {@code Conversations::EventDataPresenter#webhook_data}, as nested in message events. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Conversation(
      Long id,
      String status,
      Meta meta,
      AdditionalAttributes additionalAttributes,
      Map<String, Object> customAttributes) {}

  /** Who the conversation is assigned to, and its contact. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Meta(Party sender, Party assignee, String assigneeType) {}

  /** The web widget's facts about the visitor's browser. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record AdditionalAttributes(String browserLanguage) {}

  /**
   * Interactive message data; {@code submitted_values} is set once the visitor answered: a list of
   * the options picked for an {@code input_select}, an object for the CSAT survey.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ContentAttributes(JsonNode submittedValues) {

    /** The options picked in an {@code input_select}; empty for anything else. */
    public List<SubmittedValue> picked() {
      List<SubmittedValue> picked = new ArrayList<>();
      if (submittedValues != null && submittedValues.isArray()) {
        for (JsonNode item : submittedValues) {
          if (item.isObject()) {
            picked.add(new SubmittedValue(text(item.get("title")), text(item.get("value"))));
          }
        }
      }
      return picked;
    }

    /**
     * The CSAT answer, {@code {csat_survey_response: {rating, feedback_message}}}, if this is one.
     */
    public Optional<Csat> csat() {
      JsonNode response =
          submittedValues == null ? null : submittedValues.get("csat_survey_response");
      if (response == null || !response.isObject()) {
        return Optional.empty();
      }
      JsonNode rating = response.get("rating");
      return Optional.of(
          new Csat(
              rating != null && rating.canConvertToInt() ? rating.asInt() : null,
              text(response.get("feedback_message"))));
    }

    private static String text(JsonNode node) {
      return node == null || node.isNull() ? null : node.asText();
    }
  }

  /** A visitor's answer to the CSAT survey: a 1–5 rating (null if missing) and a comment. */
  record Csat(Integer rating, String feedbackMessage) {}

  /** One chosen option of an input_select ({@code title}, {@code value}). */
  record SubmittedValue(String title, String value) {}

  /** The latest message embedded in conversation payloads ({@code push_event_data} form). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record LatestMessage(Long accountId) {}

  /** One entry of {@code changed_attributes}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Change(JsonNode previousValue, JsonNode currentValue) {}
}
