package loginbot.attachment;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a JPEG photo. Re-encoding drops the EXIF block, so the rotation it asks
 * for is applied to the pixels first; otherwise a photo of a screen would come out sideways.
 */
final class Orientation {
  private Orientation() {}

  /** The orientation tag (1–8) of a JPEG, 1 when absent or unreadable. */
  static int of(byte[] jpeg) {
    int i = 2;
    while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff) {
      int marker = jpeg[i + 1] & 0xff;
      int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
      if (marker == 0xda || length < 2) {
        return 1; // image data starts: no EXIF before it
      }
      if (marker == 0xe1 && i + 10 <= jpeg.length && "Exif".equals(ascii(jpeg, i + 4, 4))) {
        return inTiff(jpeg, i + 10, Math.min(jpeg.length, i + 2 + length));
      }
      i += 2 + length;
    }
    return 1;
  }

  private static int inTiff(byte[] b, int start, int end) {
    if (start + 8 > end) {
      return 1;
    }
    boolean little = b[start] == 'I';
    int ifd = start + (int) read(b, start + 4, 4, little);
    if (ifd < start || ifd + 2 > end) {
      return 1;
    }
    int entries = (int) read(b, ifd, 2, little);
    for (int e = 0; e < entries; e++) {
      int entry = ifd + 2 + e * 12;
      if (entry + 12 > end) {
        return 1;
      }
      if (read(b, entry, 2, little) == 0x0112) {
        int value = (int) read(b, entry + 8, 2, little);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  private static long read(byte[] b, int at, int n, boolean little) {
    long v = 0;
    for (int k = 0; k < n; k++) {
      int shift = little ? 8 * k : 8 * (n - 1 - k);
      v |= (long) (b[at + k] & 0xff) << shift;
    }
    return v;
  }

  private static String ascii(byte[] b, int at, int n) {
    return new String(b, at, n, java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** The image turned upright for the given orientation. */
  static BufferedImage upright(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> t.scale(-1, 1);
      case 3 -> t.rotate(Math.PI, w / 2.0, h / 2.0);
      case 4 -> t.scale(1, -1);
      case 5 -> {
        t.rotate(Math.PI / 2);
        t.scale(1, -1);
      }
      case 6 -> {
        t.translate(h, 0);
        t.rotate(Math.PI / 2);
      }
      case 7 -> {
        t.scale(-1, 1);
        t.translate(-h, 0);
        t.translate(0, w);
        t.rotate(3 * Math.PI / 2);
      }
      default -> {
        t.translate(0, w);
        t.rotate(3 * Math.PI / 2);
      }
    }
    if (orientation == 2) {
      t.translate(-w, 0);
    } else if (orientation == 4) {
      t.translate(0, -h);
    }
    boolean turned = orientation >= 5;
    BufferedImage out =
        new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
    new AffineTransformOp(t, AffineTransformOp.TYPE_BILINEAR).filter(image, out);
    return out;
  }
}
