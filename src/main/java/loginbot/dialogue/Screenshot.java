package loginbot.dialogue;

import java.util.Optional;

/**
 * An image the user sent, as the dialogue sees it: whether its text could be read and, when it
 * shows one of the article's messages, that message and the case it starts; or why it could not be
 * taken in at all.
 *
 * @param attachmentId the stored image, recorded as a fact for the agent; null when refused
 * @param read false when no text reader is installed
 * @param caseId the case whose message the image shows
 * @param shown the message as the article words it, e.g. "Account disabled"
 * @param refused set when the image was not taken in (the user is told why)
 */
public record Screenshot(
    String attachmentId,
    boolean read,
    Optional<String> caseId,
    Optional<String> shown,
    Optional<Refusal> refused) {

  /** Why an image the user sent was not taken in. */
  public enum Refusal {
    /** Over 5 MB, or too many pixels. */
    TOO_LARGE,
    /** Not a PNG, JPEG or WebP image, or damaged. */
    NOT_SUPPORTED,
    /** It could not be fetched from where the platform keeps it. */
    UNAVAILABLE
  }

  public Screenshot {
    caseId = caseId == null ? Optional.empty() : caseId;
    shown = shown == null ? Optional.empty() : shown;
    refused = refused == null ? Optional.empty() : refused;
  }

  /** An image taken in and kept. */
  public Screenshot(
      String attachmentId, boolean read, Optional<String> caseId, Optional<String> shown) {
    this(attachmentId, read, caseId, shown, Optional.empty());
  }

  /** An image that was not taken in. */
  public static Screenshot refused(Refusal why) {
    return new Screenshot(null, false, Optional.empty(), Optional.empty(), Optional.of(why));
  }
}
