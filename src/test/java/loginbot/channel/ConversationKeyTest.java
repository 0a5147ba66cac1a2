package loginbot.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import loginbot.store.ConversationKey;
import org.junit.jupiter.api.Test;

/** Each channel makes its own keys, and no REST sender can make another channel's key. */
class ConversationKeyTest {

  @Test
  void a_rest_sender_shaped_like_another_channels_id_stays_a_rest_key() {
    List<String> senders =
        new ArrayList<>(
            List.of("cw:1:42", "w_AbCdEfGhIjKlMnOpQrStUv", "chat-1", "rest:alice", "", " ", "é"));
    senders.remove("");
    Random random = new Random(12);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = 1 + random.nextInt(30);
      for (int j = 0; j < length; j++) {
        s.appendCodePoint(
            random.nextInt(4) == 0
                ? 0x20 + random.nextInt(0x2ff)
                : "cw:_w1rest-".charAt(random.nextInt(11)));
      }
      senders.add(s.toString());
    }

    for (String sender : senders) {
      ConversationKey key = ConversationKey.rest(sender);
      assertThat(key.value()).startsWith("rest:");
      assertThat(key.value()).doesNotStartWith("cw:").doesNotStartWith("w_");
      assertThat(key.restSender()).contains(sender);
    }
  }

  @Test
  void chatwoot_keys_name_account_and_conversation_and_are_no_rest_key() {
    ConversationKey key = ConversationKey.chatwoot(1, 42);

    assertThat(key.value()).isEqualTo("cw:1:42");
    assertThat(key.restSender()).isEmpty();
    assertThat(ConversationKey.rest("cw:1:42")).isNotEqualTo(key);
  }

  @Test
  void an_empty_sender_makes_no_key() {
    assertThatThrownBy(() -> ConversationKey.rest("")).isInstanceOf(IllegalArgumentException.class);
  }
}
