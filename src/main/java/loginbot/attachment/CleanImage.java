package loginbot.attachment;

import java.awt.image.BufferedImage;

/**
 * An image after intake: re-encoded by the bot, so nothing of the original file (metadata, hidden
 * chunks, trailing bytes) survives. {@code pixels} is the decoded picture, for reading its text.
 */
public record CleanImage(
    String mediaType, byte[] bytes, int width, int height, BufferedImage pixels) {

  public CleanImage {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
