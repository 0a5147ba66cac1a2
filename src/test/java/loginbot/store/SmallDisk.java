package loginbot.store;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs the test mounts itself, which it can fill to the last byte and free again. Needs
 * root (CI runs as root). Where it cannot be mounted the test fails under {@code CI=true} and is
 * skipped, with the reason, elsewhere.
 */
final class SmallDisk implements AutoCloseable {
  private final Path mountPoint;
  private final Path filler;

  private SmallDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
    this.filler = mountPoint.resolve("filler.bin");
  }

  static SmallDisk mount(String size) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("loginbot-small-disk");
    String problem =
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()));
    if (problem != null) {
      Files.deleteIfExists(dir);
      String reason = "cannot mount a " + size + " tmpfs for the disk-full test: " + problem;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(reason + " (CI=true: this fault test must run; CI runs as root)");
      }
      Assumptions.abort(reason + " (run as root, or set CI=true to make this a failure)");
    }
    return new SmallDisk(dir);
  }

  Path path() {
    return mountPoint;
  }

  /** Writes a filler file until the disk refuses another byte. */
  void fill() throws IOException {
    byte[] chunk = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      for (int i = 0; i < 1_000_000; i++) {
        out.write(chunk);
        out.flush();
      }
    } catch (IOException expected) {
      // "No space left on device": the disk is full, as wanted.
      return;
    }
    throw new IllegalStateException("the small disk never filled up");
  }

  void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run(List.of("umount", "-l", mountPoint.toString()));
    Files.deleteIfExists(mountPoint);
  }

  /** Null when the command succeeded, else what it said. */
  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage();
    }
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return command.get(0) + " did not finish";
    }
    return p.exitValue() == 0 ? null : (out.isEmpty() ? "exit " + p.exitValue() : out);
  }
}
