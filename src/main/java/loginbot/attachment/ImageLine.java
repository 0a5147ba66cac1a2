package loginbot.attachment;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an image appears in a transcript: {@code [image att_…]}, then the text read from it. The
 * marker lets the widget and the console show the picture in its place; agents and exports that
 * only see text still read what the screen said.
 */
public final class ImageLine {
  private static final Pattern MARKER = Pattern.compile("^\\[image (att_[A-Za-z0-9_-]{22})\\]");
  private static final Pattern ID = Pattern.compile("att_[A-Za-z0-9_-]{22}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ImageLine() {}

  /** A new attachment id. */
  public static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "att_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The id derived from a client's message id, so a retried upload keeps its id. */
  public static String idFor(String conversationId, String clientMessageId) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  (conversationId + "\u0000" + clientMessageId)
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "att_"
          + Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(java.util.Arrays.copyOf(digest, 16));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** The transcript text of an image message. */
  public static String text(String attachmentId, String readText) {
    String read = readText == null ? "" : readText.strip().replaceAll("\\s+", " ");
    return "[image " + attachmentId + "]" + (read.isEmpty() ? "" : " Text read from it: " + read);
  }

  /** The transcript text of an image that was not taken in, saying why. */
  public static String refused(loginbot.dialogue.Screenshot.Refusal why) {
    return switch (why) {
      case TOO_LARGE -> "[image not kept: larger than 5 MB]";
      case NOT_SUPPORTED -> "[image not kept: not a PNG, JPEG or WebP image]";
      case UNAVAILABLE -> "[image not kept: it could not be fetched]";
    };
  }

  /** The attachment a transcript line shows, if it is an image message. */
  public static Optional<String> attachmentOf(String text) {
    Matcher m = MARKER.matcher(text == null ? "" : text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
