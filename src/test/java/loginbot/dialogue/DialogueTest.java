package loginbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.ConversationState.Awaiting;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.ContentSource;
import loginbot.handoff.SupportHours;
import loginbot.nlu.Language;
import loginbot.web.Json;
import org.junit.jupiter.api.Test;

class DialogueTest {
  private static final ContentCatalog CONTENT = ContentCatalog.fromClasspath();
  private final Dialogue dialogue =
      new Dialogue(CONTENT, "help@example.test", SupportHours.alwaysOpen());
  private final KeywordNlu nlu = new KeywordNlu();

  @Test
  void a_conversation_owned_by_a_person_gets_no_reply() {
    ConversationState handedOff = say(ConversationState.initial(Language.EN), "/human").next();
    handedOff = say(handedOff, "hi").next();

    Turn turn = dialogue.next(handedOff, input("I forgot my password"));

    assertThat(handedOff.status()).isEqualTo(Status.HANDOFF);
    assertThat(turn.actions()).isEmpty();
    assertThat(turn.next()).isEqualTo(handedOff);
  }

  @Test
  void a_button_payload_is_never_taken_for_a_fact_the_user_stated() {
    // given: the case chosen with its button, whose payload holds an underscore like a username
    ConversationState state =
        say(ConversationState.initial(Language.EN), "/case invalid_credentials").next();

    // when
    Turn turn = say(state, "/human");

    // then
    HandoffPacket packet = ((Action.Handoff) turn.actions().get(1)).packet();
    assertThat(packet.facts()).doesNotContainKey(FactExtractor.IDENTIFIER);
    assertThat(packet.summary()).doesNotContain("invalid_credentials");
  }

  @Test
  void a_handoff_turn_carries_the_packet_after_the_notice() {
    Turn turn = say(ConversationState.initial(Language.EN), "/human");

    assertThat(turn.actions()).hasSize(2);
    assertThat(turn.actions().get(0)).isInstanceOf(Action.Reply.class);
    assertThat(turn.actions().get(1)).isInstanceOf(Action.Handoff.class);
    HandoffPacket packet = ((Action.Handoff) turn.actions().get(1)).packet();
    assertThat(packet.reason()).isEqualTo(HandoffPacket.Reason.USER_ASKED);
    assertThat(packet.at()).isEqualTo(Instant.parse("2025-03-05T15:00:00Z"));
    assertThat(packet.lastMessages()).containsExactly("user: /human");
  }

  @Test
  void hand_back_returns_to_the_bot_with_the_main_problems() {
    ConversationState handedOff = say(ConversationState.initial(Language.FR), "/human").next();

    Turn turn = dialogue.handBack(handedOff);

    assertThat(turn.next().status()).isEqualTo(Status.BOT);
    assertThat(turn.next().awaiting()).isEqualTo(Awaiting.CASE_CHOICE);
    assertThat(turn.replies())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.text()).contains("Vous êtes de retour avec l'assistant de connexion");
              assertThat(r.buttons())
                  .extracting(Button::payload)
                  .contains("/case forgot_password", "/human");
            });
  }

  @Test
  void an_agent_close_records_the_resolution_so_far_and_offers_a_rating() {
    Turn turn = dialogue.close(say(ConversationState.initial(Language.EN), "/human").next());

    assertThat(turn.next().status()).isEqualTo(Status.CLOSED);
    assertThat(turn.actions()).contains(new Action.Close(false));
    assertThat(turn.replies().get(1).buttons())
        .extracting(Button::payload)
        .containsExactly("/rate 1", "/rate 2", "/rate 3", "/rate 4", "/rate 5");
  }

  @Test
  void a_resolution_closes_after_the_helpful_question() {
    ConversationState inStep = say(role(Role.CUSTOMER), "/case forgot_password").next();

    Turn turn = say(inStep, "/yes");

    assertThat(turn.next().resolved()).isTrue();
    assertThat(turn.next().awaiting()).isEqualTo(Awaiting.FEEDBACK);
    assertThat(turn.actions().get(turn.actions().size() - 1)).isEqualTo(new Action.Close(true));
    assertThat(turn.next().steps())
        .containsExactly(
            new HandoffPacket.StepTried("forgot_password/forgot_password_link", "worked"));
  }

  @Test
  void a_step_no_longer_in_the_content_restarts_with_the_menu_instead_of_failing() {
    ConversationState stale =
        new ConversationState(
            Status.BOT,
            Role.CUSTOMER,
            Language.EN,
            "forgot_password",
            4,
            Awaiting.OUTCOME,
            List.of(),
            Map.of(),
            0,
            false,
            List.of(),
            "a_step_since_deleted",
            null,
            null,
            null,
            false);

    Turn turn = say(stale, "no");

    assertThat(turn.next().awaiting()).isEqualTo(Awaiting.CASE_CHOICE);
    assertThat(turn.replies())
        .singleElement()
        .satisfies(r -> assertThat(r.text()).contains("What can I help"));
  }

  @Test
  void a_step_already_given_in_another_case_is_not_repeated() {
    ConversationState afterSpam =
        say(say(role(Role.CUSTOMER), "/case forgot_password").next(), "no").next();
    assertThat(afterSpam.stepId()).isEqualTo("check_spam");

    Turn turn = say(afterSpam, "/case reset_email_missing");

    assertThat(turn.next().stepId()).isEqualTo("ask_professional");
    assertThat(turn.next().steps())
        .extracting(HandoffPacket.StepTried::outcome)
        .containsExactly("did not work", "left for another problem", "given");
  }

  @Test
  void a_runaway_flow_stops_at_the_step_cap_and_hands_off() {
    // Thirteen steps that all skip themselves once the platform is known: more than the cap.
    StringBuilder steps = new StringBuilder();
    for (int i = 0; i <= CaseWalker.STEP_CAP; i++) {
      steps
          .append("    - id: skipped_")
          .append(i)
          .append("\n      unless: {app_platform: \"*\"}\n")
          .append("      text: {en: \"Step ")
          .append(i)
          .append("\", fr: \"Étape ")
          .append(i)
          .append("\"}\n");
    }
    String appUpdate =
        "id: app_update\ntitle: {en: \"App\", fr: \"App\"}\nintents: [app_update]\nroles:\n"
            + "  customer:\n"
            + steps
            + "  professional:\n"
            + steps;
    ContentSource classpath = ContentSource.classpath();
    ContentCatalog content =
        ContentCatalog.load(
            path ->
                path.equals("content/cases/app_update.yaml")
                    ? Optional.of(appUpdate)
                    : classpath.read(path));
    Dialogue capped = new Dialogue(content, "help@example.test", SupportHours.alwaysOpen());

    Turn turn = capped.next(role(Role.CUSTOMER), input("the app keeps crashing on my iPhone"));

    assertThat(turn.next().status()).isEqualTo(Status.HANDOFF);
    assertThat(turn.next().facts()).containsEntry("step_cap_reached", "app_update/skipped_12");
  }

  @Test
  void a_blank_support_email_is_refused() {
    assertThatThrownBy(() -> new Dialogue(CONTENT, " ", SupportHours.alwaysOpen()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SUPPORT_EMAIL");
  }

  @Test
  void state_survives_a_json_round_trip_and_old_rows_without_new_fields_still_load()
      throws Exception {
    ObjectMapper json = Json.newMapper();
    ConversationState state =
        say(say(role(Role.PROFESSIONAL), "/case temporary_password").next(), "no").next();

    ConversationState back =
        json.readValue(json.writeValueAsString(state), ConversationState.class);
    ConversationState old =
        json.readValue(
            "{\"status\":\"BOT\",\"role\":\"CUSTOMER\",\"language\":\"FR\","
                + "\"caseId\":null,\"stepIndex\":0,\"awaiting\":\"NOTHING\",\"steps\":[],\"facts\":{},"
                + "\"notUnderstoodInRow\":1,\"resolved\":false,\"recentMessages\":[]}",
            ConversationState.class);

    assertThat(back).isEqualTo(state);
    assertThat(old.helpful()).isNull();
    assertThat(old.askedAboutPassword()).isFalse();
    assertThat(old.notUnderstoodInRow()).isEqualTo(1);
  }

  private ConversationState role(Role role) {
    ConversationState s = ConversationState.initial(Language.EN);
    return new ConversationState(
        s.status(),
        role,
        s.language(),
        null,
        0,
        s.awaiting(),
        List.of(),
        Map.of(),
        0,
        false,
        List.of());
  }

  private Turn say(ConversationState state, String text) {
    return dialogue.next(state, input(text));
  }

  private UserInput input(String text) {
    return new UserInput(
        text,
        nlu.understand(text),
        Optional.empty(),
        Optional.empty(),
        false,
        Instant.parse("2025-03-05T15:00:00Z"));
  }
}
