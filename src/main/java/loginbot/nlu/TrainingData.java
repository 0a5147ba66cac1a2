package loginbot.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The examples the classifier and the language detector learn from: {@code
 * intents/<lang>/<label>.txt}, one example per line, {@code #} starts a comment line. Read from a
 * directory on disk when given (so a support writer can edit and re-evaluate without a rebuild),
 * else from the copy inside the jar.
 *
 * @param source where the files came from, for messages and reports
 */
public record TrainingData(List<TrainingExample> examples, String source) {

  public TrainingData {
    examples = List.copyOf(examples);
  }

  /** Reads every label in every language; fails naming the file when one is missing or empty. */
  public static TrainingData load(Optional<Path> intentsDir) {
    if (intentsDir.isPresent() && !Files.isDirectory(intentsDir.get())) {
      throw new IllegalStateException("intents directory not found: " + intentsDir.get());
    }
    List<TrainingExample> examples = new ArrayList<>();
    for (Language language : Language.values()) {
      for (Intent intent : Intent.values()) {
        String relative = language.code() + "/" + intent.label() + ".txt";
        String name =
            intentsDir
                .map(d -> d.resolve(relative).toString())
                .orElse("classpath:intents/" + relative);
        List<String> lines =
            parse(
                intentsDir.isPresent()
                    ? readFile(intentsDir.get().resolve(relative), name)
                    : readResource("intents/" + relative, name));
        if (lines.isEmpty()) {
          throw new IllegalStateException("training file has no examples: " + name);
        }
        lines.forEach(text -> examples.add(new TrainingExample(intent, language, text)));
      }
    }
    return new TrainingData(examples, intentsDir.map(Path::toString).orElse("classpath:intents"));
  }

  public List<TrainingExample> of(Intent intent) {
    return examples.stream().filter(e -> e.intent() == intent).toList();
  }

  public List<TrainingExample> of(Language language) {
    return examples.stream().filter(e -> e.language() == language).toList();
  }

  /** Non-blank lines that are not comments, trimmed; a leading byte-order mark is ignored. */
  static List<String> parse(String content) {
    String body = content.startsWith("\uFEFF") ? content.substring(1) : content;
    return body.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static String readFile(Path file, String name) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("missing training file: " + name);
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read training file " + name, e);
    }
  }

  private static String readResource(String resource, String name) {
    try (InputStream in = TrainingData.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing training file: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read training file " + name, e);
    }
  }
}
