package loginbot.attachment;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** The real Tesseract for tests: fails when missing under {@code CI=true}, else skips. */
public final class Tesseract {
  private Tesseract() {}

  public static Ocr require() {
    Ocr ocr = TesseractOcr.find(System.getenv().getOrDefault("TESSERACT", "tesseract"));
    if (!ocr.available()) {
      String message =
          "screenshot reading needs Tesseract with English and French"
              + " (apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
    return ocr;
  }
}
