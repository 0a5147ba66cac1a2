package loginbot.attachment;

import java.util.Optional;

/**
 * Everything an image goes through before its turn, whichever channel brought it: checked and
 * re-encoded ({@link ImageCleaner}), its text read ({@link Ocr}), and the article's messages looked
 * for in it ({@link ScreenMessages}). The text read is returned to the caller only, who masks it
 * with the user's words; it is never logged.
 */
public final class ImageIntake {
  /** At most this much of a screen's text goes into the transcript. */
  static final int MAX_TEXT_CHARS = 1500;

  private final ImageCleaner cleaner;
  private final Ocr ocr;
  private final ScreenMessages screens;

  public ImageIntake(ImageCleaner cleaner, Ocr ocr, ScreenMessages screens) {
    this.cleaner = cleaner;
    this.ocr = ocr;
    this.screens = screens;
  }

  /** The intake with this text reader and the content's on-screen messages. */
  public static ImageIntake of(Ocr ocr, loginbot.dialogue.content.ContentCatalog content) {
    return new ImageIntake(new ImageCleaner(), ocr, ScreenMessages.load(content.source(), content));
  }

  /**
   * An accepted image and what it shows.
   *
   * @param read false when no text reader is installed
   * @param text what was read, empty when nothing was (or could be)
   */
  public record Received(
      CleanImage image, boolean read, String text, Optional<ScreenMessages.Match> match) {}

  /**
   * Takes an upload in.
   *
   * @throws ImageRejected when it is not an image the bot accepts
   */
  public Received receive(byte[] bytes) {
    CleanImage image = cleaner.clean(bytes);
    if (!ocr.available()) {
      return new Received(image, false, "", Optional.empty());
    }
    String text = tidy(ocr.read(image.pixels()).orElse(""));
    String kept = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    return new Received(image, true, kept, screens.find(text));
  }

  /**
   * One line of words: field borders read as "|" or "[" are dropped, so that "Password | X" reads
   * "Password X" and the password masker sees the label next to its value.
   */
  static String tidy(String text) {
    return text.replaceAll("(?<=\\s|^)[|¦\\[\\]{}_~]+(?=\\s|$)", " ")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** Whether images are read at all here. */
  public boolean reads() {
    return ocr.available();
  }
}
