package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import loginbot.dialogue.Action;
import loginbot.dialogue.Button;
import loginbot.dialogue.Status;
import loginbot.dialogue.Turn;
import loginbot.handoff.HandoffNote;
import loginbot.store.OutboxItem;
import loginbot.web.Json;
import org.junit.jupiter.api.Test;

class ChatwootOutboxTest {
  private final ConversationRef c = new ConversationRef(1, 7);
  private final ChatwootOutbox outbox = new ChatwootOutbox(Json.newMapper(), OptionalLong.of(3));

  @Test
  void reply_without_buttons_is_text_and_with_buttons_is_choices() {
    // when
    List<ChatwootCall> plain = outbox.calls(c, Map.of(), Packets.reply("Hello"));
    List<ChatwootCall> choices =
        outbox.calls(
            c,
            Map.of(),
            Packets.reply("Did that work?", new Button("Yes", "yes"), new Button("No", "no")));

    // then
    assertThat(plain).containsExactly(new ChatwootCall.Text(c, "Hello"));
    assertThat(choices)
        .containsExactly(
            new ChatwootCall.Choices(
                c,
                "Did that work?",
                List.of(
                    new ChatwootClient.SelectItem("Yes", "yes"),
                    new ChatwootClient.SelectItem("No", "no"))));
  }

  @Test
  void handoff_is_notice_then_note_then_merged_attributes_then_team_then_open() {
    // when
    List<ChatwootCall> calls =
        outbox.calls(c, Map.of("plan", "premium", "bot_case", "stale"), Packets.handoff());

    // then
    assertThat(calls)
        .containsExactly(
            new ChatwootCall.Text(c, "Je vous passe un collègue, il vous répondra ici."),
            new ChatwootCall.PrivateNote(c, HandoffNote.render(Packets.packet())),
            new ChatwootCall.CustomAttributes(
                c,
                Map.of(
                    "plan",
                    "premium",
                    "bot_case",
                    "invalid_credentials",
                    "bot_role",
                    "customer",
                    "bot_language",
                    "fr",
                    "bot_handoff_reason",
                    "steps_exhausted")),
            new ChatwootCall.AssignTeam(c, 3),
            new ChatwootCall.ToggleStatus(c, "open"));
  }

  @Test
  void notice_goes_first_even_when_the_dialogue_lists_the_handoff_before_it() {
    Turn turn =
        new Turn(
            Packets.state(Status.HANDOFF),
            List.of(
                new Action.Handoff(Packets.packet()),
                Action.Reply.text("A colleague will answer here.")));

    assertThat(outbox.calls(c, Map.of(), turn).get(0))
        .isEqualTo(new ChatwootCall.Text(c, "A colleague will answer here."));
  }

  @Test
  void without_a_team_the_handoff_leaves_routing_to_chatwoot() {
    var noTeam = new ChatwootOutbox(Json.newMapper(), OptionalLong.empty());

    assertThat(noTeam.calls(c, Map.of(), Packets.handoff()))
        .hasSize(4)
        .noneMatch(call -> call instanceof ChatwootCall.AssignTeam);
  }

  @Test
  void closing_resolves_the_conversation() {
    Turn turn =
        new Turn(
            Packets.state(Status.CLOSED),
            List.of(Action.Reply.text("Glad it works!"), new Action.Close(true)));

    assertThat(outbox.calls(c, Map.of(), turn))
        .containsExactly(
            new ChatwootCall.Text(c, "Glad it works!"),
            new ChatwootCall.ToggleStatus(c, "resolved"));
  }

  @Test
  void every_call_survives_the_trip_through_the_store_as_json() {
    List<ChatwootCall> calls =
        outbox.calls(c, Map.of("plan", "premium", "seats", 12), Packets.handoff());

    for (ChatwootCall call : calls) {
      OutboxItem.Draft draft = outbox.draft(call);
      OutboxItem stored =
          new OutboxItem(1, c.key(), draft.kind(), draft.payload(), 0, Instant.EPOCH);

      assertThat(draft.kind()).startsWith("chatwoot.");
      assertThat(outbox.decode(stored)).isEqualTo(call);
    }
  }

  @Test
  void unknown_kind_or_unreadable_payload_cannot_be_decoded() {
    assertThatThrownBy(
            () ->
                outbox.decode(new OutboxItem(1, "cw:1:7", "chatwoot.fax", "{}", 0, Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown outbox kind");
    assertThatThrownBy(
            () ->
                outbox.decode(new OutboxItem(1, "cw:1:7", "chatwoot.text", "{", 0, Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unreadable");
  }
}
