package loginbot.dialogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import loginbot.dialogue.content.MaskingWords;

/**
 * Removes passwords from user text before it is classified, stored, logged or handed off. The one
 * entry point for every source of user text: typed messages on every channel, and text read from a
 * screenshot by OCR. It finds a token labelled as a password ("my password is X", "mdp : X", "X is
 * my password", "password X2024!", an OCR'd form with "Password" above the value), the second half
 * of a credentials pair ("alain_sirois / X"), and, right after the bot talked about passwords, a
 * token shaped like one. Each secret is replaced whole, its last character included, by one mask of
 * fixed length, so neither its length nor any of its characters survive. Pure and thread-safe.
 */
public final class PasswordMasker {
  /** What replaces every secret; its length says nothing about the secret's. */
  public static final String MASK = "••••••";

  private final PasswordScan scan;

  /** With the shipped list of words that describe a password rather than give one. */
  public PasswordMasker() {
    this(MaskingWords.shipped());
  }

  /** With {@code ordinaryWords}, the words that never count as a password after a label. */
  public PasswordMasker(Set<String> ordinaryWords) {
    this.scan = new PasswordScan(PasswordShapes.of(ordinaryWords));
  }

  /**
   * @param state the conversation so far, null for its first message (or for OCR text, which has no
   *     dialogue context of its own)
   */
  public Masked mask(String text, ConversationState state) {
    boolean asked = state != null && state.askedAboutPassword();
    List<int[]> spans = scan.secrets(text, asked);
    if (spans.isEmpty()) {
      return new Masked(text, false);
    }
    return new Masked(replace(text, spans), true);
  }

  /**
   * The masking of {@code text} in whatever state its conversation is, when the state cannot change
   * it; empty when it can (a bare token shaped like a password, which is masked only right after
   * the bot talked about passwords), and the text is then masked in its state.
   */
  public Optional<Masked> maskInAnyState(String text) {
    Masked plain = masked(text, scan.secrets(text, false));
    Masked asked = masked(text, scan.secrets(text, true));
    return plain.equals(asked) ? Optional.of(plain) : Optional.empty();
  }

  private static Masked masked(String text, List<int[]> spans) {
    return spans.isEmpty() ? new Masked(text, false) : new Masked(replace(text, spans), true);
  }

  /** Replaces each span (merged where they touch) by one mask. */
  private static String replace(String text, List<int[]> spans) {
    List<int[]> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingInt((int[] s) -> s[0]));
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    int i = 0;
    while (i < sorted.size()) {
      int start = sorted.get(i)[0];
      int end = sorted.get(i)[1];
      for (i++; i < sorted.size() && sorted.get(i)[0] <= end; i++) {
        end = Math.max(end, sorted.get(i)[1]);
      }
      out.append(text, at, start).append(MASK);
      at = end;
    }
    return out.append(text, at, text.length()).toString();
  }
}
