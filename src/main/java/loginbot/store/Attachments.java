package loginbot.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Images users sent, kept with their conversation: deleting or purging the conversation deletes
 * them. Thread-safe.
 */
public interface Attachments {

  /**
   * One image, already re-encoded and stripped of metadata.
   *
   * @param text what was read from it, masked; null when it was not read
   */
  record Stored(
      String id,
      String conversationId,
      String mediaType,
      int width,
      int height,
      byte[] bytes,
      String text,
      Instant at) {

    public Stored {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** The same without the bytes, for listings. */
    public Info info() {
      return new Info(id, mediaType, width, height, bytes.length, text, at);
    }
  }

  /** An image's description, without its bytes. */
  record Info(
      String id, String mediaType, int width, int height, int size, String text, Instant at) {}

  /**
   * Keeps an image; a second put of the same id does nothing (a retried upload). The conversation
   * must exist.
   */
  void put(Stored attachment);

  /** The image, only when it belongs to this conversation. */
  Optional<Stored> find(String conversationId, String attachmentId);

  /** The conversation's images, oldest first. */
  List<Info> list(String conversationId);
}
