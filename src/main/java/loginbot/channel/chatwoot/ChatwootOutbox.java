package loginbot.channel.chatwoot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import loginbot.dialogue.Action;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Turn;
import loginbot.handoff.HandoffNote;
import loginbot.store.OutboxItem;

/**
 * Turns the dialogue's actions into the Chatwoot calls that perform them, as outbox items written
 * with the turn. Replies come first, so the visitor is told before the handoff: note, attributes,
 * team, then {@code toggle_status open}. The outbox delivers in order, so this order survives
 * retries and restarts.
 */
public final class ChatwootOutbox {
  public static final String KIND_PREFIX = "chatwoot.";
  private static final Map<String, Class<? extends ChatwootCall>> KINDS =
      Map.of(
          "chatwoot.text", ChatwootCall.Text.class,
          "chatwoot.choices", ChatwootCall.Choices.class,
          "chatwoot.private_note", ChatwootCall.PrivateNote.class,
          "chatwoot.custom_attributes", ChatwootCall.CustomAttributes.class,
          "chatwoot.assign_team", ChatwootCall.AssignTeam.class,
          "chatwoot.toggle_status", ChatwootCall.ToggleStatus.class);

  private final ObjectMapper json;
  private final OptionalLong handoffTeamId;

  /**
   * @param handoffTeamId the Chatwoot team handoffs are assigned to; empty leaves routing to
   *     Chatwoot
   */
  public ChatwootOutbox(ObjectMapper json, OptionalLong handoffTeamId) {
    this.json = json;
    this.handoffTeamId = handoffTeamId;
  }

  /** The calls that perform a turn, in delivery order. */
  public List<ChatwootCall> calls(
      ConversationRef c, Map<String, Object> currentAttributes, Turn turn) {
    List<ChatwootCall> calls = new ArrayList<>();
    for (Action.Reply reply : turn.replies()) {
      calls.add(
          reply.buttons().isEmpty()
              ? new ChatwootCall.Text(c, reply.text())
              : new ChatwootCall.Choices(
                  c,
                  reply.text(),
                  reply.buttons().stream()
                      .map(b -> new ChatwootClient.SelectItem(b.title(), b.payload()))
                      .toList()));
    }
    for (Action action : turn.actions()) {
      if (action instanceof Action.Handoff handoff) {
        calls.add(new ChatwootCall.PrivateNote(c, HandoffNote.render(handoff.packet())));
        calls.add(
            new ChatwootCall.CustomAttributes(c, merged(currentAttributes, handoff.packet())));
        handoffTeamId.ifPresent(team -> calls.add(new ChatwootCall.AssignTeam(c, team)));
        calls.add(new ChatwootCall.ToggleStatus(c, "open"));
      } else if (action instanceof Action.Close) {
        calls.add(new ChatwootCall.ToggleStatus(c, "resolved"));
      }
    }
    return calls;
  }

  /** Chatwoot replaces the whole map, so keep what the conversation had and overwrite our keys. */
  static Map<String, Object> merged(Map<String, Object> current, HandoffPacket packet) {
    Map<String, Object> merged = new LinkedHashMap<>(current);
    putIfKnown(merged, "bot_case", packet.caseId());
    putIfKnown(merged, "bot_role", packet.role() == null ? null : packet.role().code());
    putIfKnown(merged, "bot_language", packet.language() == null ? null : packet.language().code());
    putIfKnown(
        merged, "bot_handoff_reason", packet.reason().name().toLowerCase(java.util.Locale.ROOT));
    return merged;
  }

  public OutboxItem.Draft draft(ChatwootCall call) {
    String kind =
        KINDS.entrySet().stream()
            .filter(e -> e.getValue() == call.getClass())
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    try {
      return new OutboxItem.Draft(kind, json.writeValueAsString(call));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + kind, e);
    }
  }

  /**
   * @throws IllegalArgumentException for an unknown kind or an unreadable payload
   */
  public ChatwootCall decode(OutboxItem item) {
    Class<? extends ChatwootCall> type = KINDS.get(item.kind());
    if (type == null) {
      throw new IllegalArgumentException("unknown outbox kind " + item.kind());
    }
    try {
      return json.readValue(item.payload(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "unreadable " + item.kind() + " payload: " + e.getOriginalMessage(), e);
    }
  }

  private static void putIfKnown(Map<String, Object> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
