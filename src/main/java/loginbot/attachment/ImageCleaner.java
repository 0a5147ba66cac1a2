package loginbot.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns uploaded bytes into a {@link CleanImage}: the type is taken from the bytes, the size and
 * pixel count are bounded before decoding (no decompression bombs), the picture is turned upright,
 * scaled down if huge, and written anew (PNG, or JPEG for photos), so no metadata survives.
 */
public final class ImageCleaner {
  public static final int MAX_BYTES = 5 * 1024 * 1024;
  static final long MAX_PIXELS = 40_000_000L;
  static final int MAX_SIDE = 2560;

  /** Reads and re-encodes; {@link ImageRejected} says why an upload is refused. */
  public CleanImage clean(byte[] bytes) {
    if (bytes.length == 0) {
      throw new ImageRejected(400, "the image is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new ImageRejected(413, "images may be at most 5 MB");
    }
    ImageType type =
        ImageType.sniff(bytes)
            .orElseThrow(() -> new ImageRejected(415, "send a PNG, JPEG or WebP image"));
    BufferedImage picture = decode(bytes, type);
    if (type == ImageType.JPEG) {
      picture = Orientation.upright(picture, Orientation.of(bytes));
    }
    picture = fit(picture);
    boolean photo = type == ImageType.JPEG;
    byte[] encoded = photo ? jpeg(opaque(picture)) : png(picture);
    String media = photo ? ImageType.JPEG.mediaType : ImageType.PNG.mediaType;
    return new CleanImage(media, encoded, picture.getWidth(), picture.getHeight(), picture);
  }

  private static BufferedImage decode(byte[] bytes, ImageType type) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.format);
    if (!readers.hasNext()) {
      throw new IllegalStateException("no ImageIO reader for " + type);
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      long width = reader.getWidth(0);
      long height = reader.getHeight(0);
      if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
        throw new ImageRejected(413, "the image has too many pixels (at most 40 million)");
      }
      return reader.read(0);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ImageRejected rejected) {
        throw rejected;
      }
      throw new ImageRejected(400, "the image could not be read: it may be damaged");
    } finally {
      reader.dispose();
    }
  }

  private static BufferedImage fit(BufferedImage image) {
    int longest = Math.max(image.getWidth(), image.getHeight());
    boolean plain =
        image.getType() == BufferedImage.TYPE_INT_RGB
            || image.getType() == BufferedImage.TYPE_INT_ARGB;
    if (longest <= MAX_SIDE && plain) {
      return image;
    }
    double scale = Math.min(1.0, (double) MAX_SIDE / longest);
    int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage out =
        new BufferedImage(
            w,
            h,
            image.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  private static BufferedImage opaque(BufferedImage image) {
    if (!image.getColorModel().hasAlpha()) {
      return image;
    }
    BufferedImage out =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return out;
  }

  private static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer");
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] jpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
