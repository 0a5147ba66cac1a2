package loginbot.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The password-masking corpus ({@code src/test/resources/masking/}): realistic shares, each with
 * the secrets that must disappear, and ordinary messages that must come out unchanged. Also the
 * verdict on one masked text, so that every channel's test judges it the same way.
 */
public final class MaskingCorpus {

  /** One line of the corpus; {@code secrets} is empty for an ordinary message. */
  public record Entry(
      int line, String lang, boolean asked, Set<String> tags, String text, List<String> secrets) {

    /** The text with every secret replaced by one mask, and nothing else changed. */
    public String expected() {
      String out = text;
      for (String secret : secrets) {
        out = out.replace(secret, PasswordMasker.MASK);
      }
      return out;
    }

    @Override
    public String toString() {
      return lang + ":" + line + " " + text.replace("\n", "⏎");
    }
  }

  /** How a share came out of the masker. */
  public enum Verdict {
    /** Every secret replaced whole by one mask, nothing else touched. */
    MASKED,
    /** Every secret replaced whole, and some ordinary text around it hidden too. */
    MASKED_WITH_MORE,
    /** No secret left verbatim, but part of one is (length or characters leak). */
    PARTLY_MASKED,
    /** A secret is still there. */
    LEAKED
  }

  private MaskingCorpus() {}

  public static List<Entry> shares() {
    return read("masking/shares.tsv", true);
  }

  public static List<Entry> ordinary() {
    return read("masking/ordinary.tsv", false);
  }

  /** The verdict on {@code masked}, what a channel kept of a share's {@code entry.text()}. */
  public static Verdict judge(Entry entry, String masked) {
    if (masked.equals(entry.expected())) {
      return Verdict.MASKED;
    }
    for (String secret : entry.secrets()) {
      if (masked.contains(secret)) {
        return Verdict.LEAKED;
      }
    }
    // Each secret must have become one mask: the words that held it, with the secret replaced, are
    // still words of the output (or the mask alone, when quotes around it were hidden too).
    for (String secret : entry.secrets()) {
      String text = entry.text();
      int at = text.indexOf(secret);
      int from = at;
      while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
        from--;
      }
      int to = at + secret.length();
      while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
        to++;
      }
      String words = text.substring(from, to).replace(secret, PasswordMasker.MASK);
      if (!(asWords(masked, words) || asWords(masked, PasswordMasker.MASK))
          || residue(secret, masked)) {
        return Verdict.PARTLY_MASKED;
      }
    }
    return Verdict.MASKED_WITH_MORE;
  }

  private static boolean asWords(String text, String words) {
    return Pattern.compile("(^|\\s)" + Pattern.quote(words) + "(\\s|$)").matcher(text).find();
  }

  /** A piece of the secret (four characters or more) is still in the text. */
  private static boolean residue(String secret, String masked) {
    for (int i = 0; i + 4 <= secret.length(); i++) {
      if (masked.contains(secret.substring(i, i + 4))) {
        return true;
      }
    }
    return false;
  }

  private static List<Entry> read(String resource, boolean shares) {
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = MaskingCorpus.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing");
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        int wanted = shares ? 5 : 4;
        if (cols.length < wanted || (!shares && cols.length != 4)) {
          throw new IllegalStateException(
              resource + ":" + (i + 1) + " has " + cols.length + " columns");
        }
        String text = cols[3].replace("\\n", "\n");
        List<String> secrets = shares ? Arrays.asList(cols).subList(4, cols.length) : List.of();
        for (String secret : secrets) {
          if (!text.contains(secret)) {
            throw new IllegalStateException(
                resource + ":" + (i + 1) + ": secret '" + secret + "' is not in the text");
          }
        }
        entries.add(
            new Entry(
                i + 1,
                cols[0],
                cols[1].equals("asked"),
                Set.of(cols[2].split(",")),
                text,
                List.copyOf(secrets)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }
}
