package loginbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import loginbot.dialogue.MaskingCorpus.Entry;
import loginbot.dialogue.MaskingCorpus.Verdict;
import loginbot.nlu.Language;
import org.junit.jupiter.api.Test;

/**
 * The masking corpus as a test: at least 98 % of the shares masked whole, none partly masked, at
 * most 2 % of ordinary messages touched. Writes its figures to {@code target/masking-figures.txt}.
 */
class PasswordMaskingCorpusTest {
  private final PasswordMasker masker = new PasswordMasker();

  @Test
  void the_corpus_is_large_enough_and_in_both_languages() {
    List<Entry> shares = MaskingCorpus.shares();
    List<Entry> ordinary = MaskingCorpus.ordinary();

    assertThat(shares).hasSizeGreaterThanOrEqualTo(150);
    assertThat(ordinary).hasSizeGreaterThanOrEqualTo(150);
    assertThat(shares).extracting(Entry::lang).contains("en", "fr");
    assertThat(ordinary).extracting(Entry::lang).contains("en", "fr");
    assertThat(shares.stream().flatMap(e -> e.tags().stream()))
        .contains("pair", "quoted", "emoji", "mid-sentence", "mdp", "mot-de-passe", "pw", "pwd")
        .contains("after-question", "chatwoot", "ocr");
  }

  @Test
  void shares_are_masked_whole_and_ordinary_messages_are_left_alone() throws IOException {
    Map<Verdict, List<Entry>> verdicts = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      verdicts.put(v, new ArrayList<>());
    }
    List<String> shown = new ArrayList<>();
    for (Entry share : MaskingCorpus.shares()) {
      String out = masker.mask(share.text(), context(share)).text();
      Verdict verdict = MaskingCorpus.judge(share, out);
      verdicts.get(verdict).add(share);
      if (verdict != Verdict.MASKED) {
        shown.add(verdict + "  " + share + "  →  " + out.replace("\n", "⏎"));
      }
    }
    List<Entry> falseMasks = new ArrayList<>();
    for (Entry message : MaskingCorpus.ordinary()) {
      Masked out = masker.mask(message.text(), context(message));
      if (out.hadPassword() || !out.text().equals(message.text())) {
        falseMasks.add(message);
        shown.add("FALSE MASK  " + message + "  →  " + out.text().replace("\n", "⏎"));
      }
    }
    int shares = MaskingCorpus.shares().size();
    int ordinary = MaskingCorpus.ordinary().size();
    int masked =
        verdicts.get(Verdict.MASKED).size() + verdicts.get(Verdict.MASKED_WITH_MORE).size();
    String figures =
        String.format(
            "shares: %d; masked %d (%.1f %%; %d with more around them), partly masked %d, leaked %d%n"
                + "ordinary: %d; false masks %d (%.1f %%)%n%s%n",
            shares,
            masked,
            100.0 * masked / shares,
            verdicts.get(Verdict.MASKED_WITH_MORE).size(),
            verdicts.get(Verdict.PARTLY_MASKED).size(),
            verdicts.get(Verdict.LEAKED).size(),
            ordinary,
            falseMasks.size(),
            100.0 * falseMasks.size() / ordinary,
            shown.stream().collect(Collectors.joining("\n")));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "masking-figures.txt"), figures, StandardCharsets.UTF_8);

    assertThat(verdicts.get(Verdict.PARTLY_MASKED)).as(figures).isEmpty();
    assertThat(masked).as(figures).isGreaterThanOrEqualTo((int) Math.ceil(0.98 * shares));
    assertThat(falseMasks.size())
        .as(figures)
        .isLessThanOrEqualTo((int) Math.floor(0.02 * ordinary));
  }

  /** The state after a bot message about passwords, or none (a conversation's first message). */
  static ConversationState context(Entry entry) {
    if (!entry.asked()) {
      return null;
    }
    return new ConversationState(
        Status.BOT,
        Role.CUSTOMER,
        entry.lang().equals("fr") ? Language.FR : Language.EN,
        "invalid_credentials",
        0,
        ConversationState.Awaiting.OUTCOME,
        List.of(),
        Map.of(),
        0,
        false,
        List.of(),
        "check_credentials",
        null,
        null,
        null,
        true);
  }
}
