package loginbot.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The examples the classifier and the language detector learn from: {@code
 * intents/<lang>/<label>.txt}, one example per line, {@code #} starts a comment line. The labels
 * are the files' names and the languages the folders' names: adding an intent or a language is
 * adding files. Read from a directory on disk when given (so a support writer can edit and
 * re-evaluate without a rebuild), else from the copy inside the jar.
 *
 * <p>A class rather than a record: its labels and languages are worked out once, from the examples,
 * and can never disagree with them (a start asks for them on two threads, and each pass over the
 * 2,400 examples cost it 20 ms).
 */
public final class TrainingData {
  private static final String SUFFIX = ".txt";

  private final List<TrainingExample> examples;
  private final String source;
  private final List<Intent> labels;
  private final List<Language> languages;

  /**
   * @param source where the files came from, for messages and reports
   */
  public TrainingData(List<TrainingExample> examples, String source) {
    this.examples = List.copyOf(examples);
    this.source = source;
    this.labels = this.examples.stream().map(TrainingExample::intent).distinct().sorted().toList();
    this.languages =
        this.examples.stream().map(TrainingExample::language).distinct().sorted().toList();
  }

  public List<TrainingExample> examples() {
    return examples;
  }

  /** Where the files came from, for messages and reports. */
  public String source() {
    return source;
  }

  /** Every label the data has examples of, sorted. */
  public List<Intent> labels() {
    return labels;
  }

  /** Every language the data has examples in, sorted by code. */
  public List<Language> languages() {
    return languages;
  }

  /**
   * Reads every label in every language; fails listing every file that is missing (a label that one
   * language has and another lacks) or empty.
   */
  public static TrainingData load(Optional<Path> intentsDir) {
    if (intentsDir.isPresent() && !Files.isDirectory(intentsDir.get())) {
      throw new IllegalStateException("intents directory not found: " + intentsDir.get());
    }
    return ResourceDir.open(intentsDir, "intents", root -> read(root, intentsDir.isPresent()));
  }

  private static TrainingData read(Path root, boolean onDisk) {
    String source = onDisk ? root.toString() : "classpath:intents";
    SortedSet<String> languages = new TreeSet<>();
    SortedSet<String> labels = new TreeSet<>();
    for (Path dir : ResourceDir.children(root)) {
      if (Files.isDirectory(dir) && Language.fromCode(name(dir)).isPresent()) {
        languages.add(name(dir));
        for (Path file : ResourceDir.children(dir)) {
          if (name(file).endsWith(SUFFIX)) {
            labels.add(name(file).substring(0, name(file).length() - SUFFIX.length()));
          }
        }
      }
    }
    if (languages.isEmpty()) {
      throw new IllegalStateException("no language folder (like en/) in " + source);
    }
    List<String> problems = new ArrayList<>();
    List<TrainingExample> examples = new ArrayList<>();
    for (String code : languages) {
      Language language = Language.fromCode(code).orElseThrow();
      for (String label : labels) {
        Path file = root.resolve(code).resolve(label + SUFFIX);
        String name = onDisk ? file.toString() : "classpath:intents/" + code + "/" + label + SUFFIX;
        Optional<Intent> intent = Intent.fromLabel(label);
        if (intent.isEmpty()) {
          problems.add("training file name is not a label (lowercase letters, digits, _): " + name);
        } else if (!Files.isRegularFile(file)) {
          problems.add("missing training file: " + name + " (other languages have it)");
        } else {
          List<String> lines = parse(readFile(file, name));
          if (lines.isEmpty()) {
            problems.add("training file has no examples: " + name);
          }
          lines.forEach(text -> examples.add(new TrainingExample(intent.get(), language, text)));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("\n", problems));
    }
    return new TrainingData(examples, source);
  }

  public List<TrainingExample> of(Intent intent) {
    return examples.stream().filter(e -> e.intent().equals(intent)).toList();
  }

  public List<TrainingExample> of(Language language) {
    return examples.stream().filter(e -> e.language().equals(language)).toList();
  }

  /** Non-blank lines that are not comments, trimmed; a leading byte-order mark is ignored. */
  static List<String> parse(String content) {
    String body = content.startsWith("\uFEFF") ? content.substring(1) : content;
    return body.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static String name(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
  }

  private static String readFile(Path file, String name) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read training file " + name, e);
    }
  }
}
