package loginbot.nlu;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intent model and the language detector, trained at build time and shipped in the jar, so that
 * the server starts in milliseconds instead of training. It is used only for the exact data,
 * configuration and code it was trained from (its {@link ModelFingerprint}); anything else, such as
 * an edited copy of {@code intents/} in {@code INTENTS_DIR}, is trained at start-up as before.
 * Training is deterministic, so the shipped model answers exactly as a fresh training would.
 */
public final class ShippedModel {
  /** Where the build puts the model, inside the classes directory and so inside the jar. */
  static final String RESOURCE = "nlu/intent-model.bin";

  private static final String MAGIC = "loginbot intent model";
  private static final Logger log = LoggerFactory.getLogger(ShippedModel.class);

  private ShippedModel() {}

  /**
   * The NLU the server and {@code eval} use for {@code data}: shipped when it fits, else trained.
   */
  public static TrainedNlu nlu(TrainingData data, DecisionRule rule) {
    return nlu(data, rule, Synonyms.shipped());
  }

  /**
   * Like {@link #nlu(TrainingData, DecisionRule)}, reading with {@code synonyms} (CONTENT_DIR's):
   * other synonyms than the jar's make another fingerprint, so a training.
   */
  public static TrainedNlu nlu(TrainingData data, DecisionRule rule, Synonyms synonyms) {
    String fingerprint = ModelFingerprint.of(data, ClassifierConfig.DEFAULT, synonyms);
    TextNormalizer normalizer = new TextNormalizer(synonyms);
    Optional<Model> shipped = fromClasspath(fingerprint, normalizer);
    if (shipped.isPresent()) {
      return new TrainedNlu(
          shipped.get().classifier(), shipped.get().languages(), rule, normalizer);
    }
    log.info(
        "training the intent classifier from {} (the model built into the jar was trained on"
            + " other data or code)",
        data.source());
    return TrainedNlu.train(data, rule, ClassifierConfig.DEFAULT, synonyms);
  }

  /** What the build learnt from the intents: the intent classifier and the language detector. */
  record Model(IntentClassifier classifier, LanguageDetector languages) {
    /** As the server trains when nothing is shipped: the jar's synonyms, English as fallback. */
    static Model train(TrainingData data) {
      return new Model(
          IntentClassifier.train(data.examples(), ClassifierConfig.DEFAULT),
          LanguageDetector.train(data, new TextNormalizer(), TrainedNlu.FALLBACK));
    }
  }

  /** The shipped model, if the jar has one trained under {@code fingerprint}. */
  static Optional<Model> fromClasspath(String fingerprint) {
    return fromClasspath(fingerprint, new TextNormalizer());
  }

  private static Optional<Model> fromClasspath(String fingerprint, TextNormalizer normalizer) {
    InputStream in = ShippedModel.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      log.warn("the jar has no model trained at build time ({}); training at start-up", RESOURCE);
      return Optional.empty();
    }
    return readIfCurrent(in, fingerprint, normalizer);
  }

  /**
   * The classifier in {@code in}, unless it was trained under another fingerprint or cannot be
   * read: a damaged model costs a training, never the start-up.
   */
  static Optional<Model> readIfCurrent(InputStream in, String fingerprint) {
    return readIfCurrent(in, fingerprint, new TextNormalizer());
  }

  private static Optional<Model> readIfCurrent(
      InputStream in, String fingerprint, TextNormalizer normalizer) {
    try (DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
      if (!data.readUTF().equals(MAGIC) || !data.readUTF().equals(fingerprint)) {
        return Optional.empty();
      }
      // The detector first: the classifier's reader consumes the stream to its end.
      LanguageDetector languages = LanguageDetector.read(data, normalizer);
      return Optional.of(new Model(IntentClassifier.read(data, normalizer), languages));
    } catch (IOException | RuntimeException e) {
      log.warn("cannot read the model built into the jar ({}); training instead", e.toString());
      return Optional.empty();
    }
  }

  static void write(Model model, String fingerprint, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
    data.writeUTF(MAGIC);
    data.writeUTF(fingerprint);
    model.languages().write(data);
    model.classifier().write(data);
    data.flush();
  }

  /**
   * The build step ({@code process-classes}): trains from the {@code intents/} on the class path
   * and writes the model under the classes directory given, unless the one there is current.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ShippedModel CLASSES_DIR");
    }
    writeIfStale(Path.of(args[0]).resolve(RESOURCE), TrainingData.load(Optional.empty()));
  }

  /** Trains and writes the model of {@code data} to {@code file}; false if it was already there. */
  static boolean writeIfStale(Path file, TrainingData data) throws IOException {
    String fingerprint = ModelFingerprint.of(data, ClassifierConfig.DEFAULT);
    if (Files.isRegularFile(file) && isTrainedUnder(file, fingerprint)) {
      return false;
    }
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      write(Model.train(data), fingerprint, out);
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    return true;
  }

  private static boolean isTrainedUnder(Path file, String fingerprint) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      return in.readUTF().equals(MAGIC) && in.readUTF().equals(fingerprint);
    } catch (IOException e) {
      return false; // unreadable or cut short: train again
    }
  }
}
