package loginbot.nlu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An evaluation file: UTF-8, one {@code label<TAB>text} per line, optionally followed by {@code
 * <TAB>category} (plain, vocabulary, typos...) so scores can be read per kind of writing. Blank
 * lines and lines starting with {@code #} are skipped and a leading byte-order mark is tolerated;
 * anything else malformed is an error naming the file and line.
 */
public final class LabeledFile {
  private LabeledFile() {}

  /**
   * One usable line; {@code number} counts from 1 as editors do, {@code category} is empty when the
   * file has no third column, {@code source} is the file's name.
   */
  public record Line(int number, Intent label, String text, String category, String source) {
    public Line(int number, Intent label, String text) {
      this(number, label, text, "", "");
    }
  }

  /**
   * The file is unreadable or malformed; the message names the file and, where it applies, the
   * lines.
   */
  public static final class InvalidFileException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidFileException(String message) {
      super(message);
    }
  }

  /** The file's lines; a label that is not one of {@code known} (the trained ones) is an error. */
  public static List<Line> read(Path file, List<Intent> known) throws InvalidFileException {
    String content = decode(file);
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    List<Line> lines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String[] raw = content.split("\r?\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      int tab = line.indexOf('\t');
      if (tab < 0) {
        problems.add(where + "no tab between label and text");
        continue;
      }
      String label = line.substring(0, tab).strip();
      String rest = line.substring(tab + 1);
      int second = rest.indexOf('\t');
      String text = (second < 0 ? rest : rest.substring(0, second)).strip();
      String category = second < 0 ? "" : rest.substring(second + 1).strip();
      Optional<Intent> intent = Intent.fromLabel(label).filter(known::contains);
      if (intent.isEmpty()) {
        problems.add(
            where
                + "unknown label '"
                + label
                + "' (known: "
                + known.stream().map(Intent::label).collect(Collectors.joining(", "))
                + ")");
      } else if (text.isEmpty()) {
        problems.add(where + "no text after the label");
      } else if (category.indexOf('\t') >= 0) {
        problems.add(where + "more than three columns (label, text, category)");
      } else {
        lines.add(new Line(i + 1, intent.get(), text, category, source));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidFileException(String.join(System.lineSeparator(), problems));
    }
    if (lines.isEmpty()) {
      throw new InvalidFileException(file + ": no label<TAB>text lines to evaluate");
    }
    return lines;
  }

  private static String decode(Path file) throws InvalidFileException {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (NoSuchFileException e) {
      throw new InvalidFileException(file + ": no such file");
    } catch (CharacterCodingException e) {
      throw new InvalidFileException(file + ": not valid UTF-8");
    } catch (IOException e) {
      throw new InvalidFileException(file + ": cannot read (" + e.getMessage() + ")");
    }
  }
}
