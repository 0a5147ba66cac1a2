package loginbot.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The image formats users may send, recognised from their first bytes, never from a name. */
public enum ImageType {
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpeg"),
  WEBP("image/webp", "webp");

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  final String mediaType;
  final String format;

  ImageType(String mediaType, String format) {
    this.mediaType = mediaType;
    this.format = format;
  }

  /** The type these bytes are, whatever the sender called them. */
  public static Optional<ImageType> sniff(byte[] bytes) {
    if (bytes.length >= 8 && Arrays.equals(bytes, 0, 8, PNG_SIGNATURE, 0, 8)) {
      return Optional.of(PNG);
    }
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xff
        && (bytes[1] & 0xff) == 0xd8
        && (bytes[2] & 0xff) == 0xff) {
      return Optional.of(JPEG);
    }
    if (bytes.length >= 12
        && "RIFF".equals(new String(bytes, 0, 4, StandardCharsets.US_ASCII))
        && "WEBP".equals(new String(bytes, 8, 4, StandardCharsets.US_ASCII))) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  public String mediaType() {
    return mediaType;
  }
}
