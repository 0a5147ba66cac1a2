package loginbot.attachment;

import java.awt.image.BufferedImage;
import java.util.Optional;

/** Reads the text of an image. Implementations never log the text they read. */
public interface Ocr {

  /** Whether text can be read at all (the reader is installed). */
  boolean available();

  /** The text, or empty when it could not be read (not installed, too slow, failed). */
  Optional<String> read(BufferedImage image);

  /** No reader installed: images still reach the agent, unread. */
  Ocr NONE =
      new Ocr() {
        @Override
        public boolean available() {
          return false;
        }

        @Override
        public Optional<String> read(BufferedImage image) {
          return Optional.empty();
        }
      };
}
