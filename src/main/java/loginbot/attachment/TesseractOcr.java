package loginbot.attachment;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tesseract through its command line ({@code tesseract stdin stdout -l eng+fra}): the image goes in
 * on standard input, the text comes back on standard output, and nothing touches the disk. At most
 * {@code parallel} readings run at once, each bounded in time. Never logs what it read.
 */
public final class TesseractOcr implements Ocr {
  private static final Logger log = LoggerFactory.getLogger(TesseractOcr.class);
  static final List<String> LANGUAGES = List.of("eng", "fra");

  private final String command;
  private final Duration timeout;
  private final Semaphore slots;

  TesseractOcr(String command, Duration timeout, int parallel) {
    this.command = command;
    this.timeout = timeout;
    this.slots = new Semaphore(parallel);
  }

  /**
   * Tesseract when {@code command} runs and knows English and French, else {@link Ocr#NONE} with
   * one warning: images are then stored and shown to agents, unread.
   */
  public static Ocr find(String command) {
    try {
      Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        log.warn("'{} --list-langs' failed; screenshots will not be read", command);
        return NONE;
      }
      List<String> known = out.lines().map(String::strip).toList();
      if (!known.containsAll(LANGUAGES)) {
        log.warn(
            "Tesseract lacks {} (apt-get install tesseract-ocr-eng tesseract-ocr-fra);"
                + " screenshots will not be read",
            LANGUAGES);
        return NONE;
      }
      return new TesseractOcr(command, Duration.ofSeconds(30), 2);
    } catch (IOException e) {
      log.warn(
          "Tesseract not found ('{}'); screenshots reach agents but are not read"
              + " (apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra)",
          command);
      return NONE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return NONE;
    }
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Optional<String> read(BufferedImage image) {
    byte[] png = prepared(image);
    try {
      if (!slots.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("screenshot not read: every text reader was busy for {}", timeout);
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    try {
      return run(png);
    } finally {
      slots.release();
    }
  }

  private Optional<String> run(byte[] png) {
    Process p = null;
    try {
      ProcessBuilder builder =
          new ProcessBuilder(
              command, "stdin", "stdout", "-l", String.join("+", LANGUAGES), "--psm", "11");
      builder.environment().put("OMP_THREAD_LIMIT", "1"); // one core per reading; two cores here
      builder.redirectError(ProcessBuilder.Redirect.DISCARD);
      p = builder.start();
      Process process = p;
      CompletableFuture<byte[]> out =
          CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      try (OutputStream in = p.getOutputStream()) {
        in.write(png);
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("screenshot not read: Tesseract took longer than {}", timeout);
        return Optional.empty();
      }
      if (p.exitValue() != 0) {
        log.warn("screenshot not read: Tesseract exited with {}", p.exitValue());
        return Optional.empty();
      }
      return Optional.of(new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip());
    } catch (IOException
        | java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException e) {
      log.warn("screenshot not read: {}", e.getClass().getSimpleName());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Grey, and enlarged when small: Tesseract reads best around 30 px per capital letter. */
  static byte[] prepared(BufferedImage image) {
    double scale = image.getWidth() < 600 ? 2.0 : 1.0;
    int w = (int) Math.round(image.getWidth() * scale);
    int h = (int) Math.round(image.getHeight() * scale);
    BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = grey.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(grey, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
