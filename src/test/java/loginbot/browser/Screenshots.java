package loginbot.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** Saves what the browser shows to {@code target/screenshots/}, to be looked at by a person. */
final class Screenshots {
  static final Path DIR = Path.of("target", "screenshots");

  private Screenshots() {}

  static Path save(WebDriver driver, String name) {
    try {
      Files.createDirectories(DIR);
      Path file = DIR.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
