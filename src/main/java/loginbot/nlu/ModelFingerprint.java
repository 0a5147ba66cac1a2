package loginbot.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import opennlp.tools.util.Version;

/**
 * What a trained intent model depends on, as one SHA-256: the training examples, the classifier's
 * configuration, OpenNLP's version, the synonyms the normaliser folds and the compiled code of this
 * package (normaliser, feature generators, training). A model is only ever used with the
 * fingerprint it was trained under, so a change to any of these retrains instead of loading a stale
 * model.
 */
final class ModelFingerprint {
  private static final String PACKAGE = "loginbot/nlu/";

  private ModelFingerprint() {}

  static String of(TrainingData data, ClassifierConfig config) {
    return of(data, config, Synonyms.shipped());
  }

  static String of(TrainingData data, ClassifierConfig config, Synonyms synonyms) {
    MessageDigest sha = sha256();
    update(sha, "loginbot intent model 1");
    update(sha, "opennlp " + Version.currentVersion());
    update(sha, "config " + config.name());
    new TreeMap<>(config.trainingParameters().getObjectSettings())
        .forEach((key, value) -> update(sha, "parameter " + key + "=" + value));
    config.features().forEach(f -> update(sha, "feature " + f.getClass().getName()));
    synonyms.asMap().forEach((phrase, word) -> update(sha, "synonym " + phrase + "=" + word));
    for (TrainingExample e : data.examples()) {
      update(sha, e.intent().label() + "\t" + e.language().code() + "\t" + e.text());
    }
    codeOfThisPackage().forEach((name, bytes) -> update(sha, name, bytes));
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * The class files of this package, by name, from wherever they were loaded: the jar or the
   * classes directory of a build.
   */
  private static Map<String, byte[]> codeOfThisPackage() {
    Path location;
    try {
      location =
          Path.of(
              ModelFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IllegalStateException("cannot locate the classes of " + PACKAGE, e);
    }
    Map<String, byte[]> classes = new TreeMap<>();
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location.resolve(PACKAGE))) {
          for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
            String name = location.relativize(file).toString().replace('\\', '/');
            classes.put(name, Files.readAllBytes(file));
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          List<JarEntry> entries = new ArrayList<>();
          for (JarEntry entry : Collections.list(jar.entries())) {
            if (entry.getName().startsWith(PACKAGE) && entry.getName().endsWith(".class")) {
              entries.add(entry);
            }
          }
          for (JarEntry entry : entries) {
            try (InputStream in = jar.getInputStream(entry)) {
              classes.put(entry.getName(), in.readAllBytes());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the classes of " + PACKAGE, e);
    }
    if (classes.isEmpty()) {
      throw new IllegalStateException("no classes found under " + PACKAGE + " in " + location);
    }
    return classes;
  }

  private static void update(MessageDigest sha, String line) {
    update(sha, line, new byte[0]);
  }

  private static void update(MessageDigest sha, String name, byte[] bytes) {
    byte[] text = name.getBytes(StandardCharsets.UTF_8);
    // Lengths first, so that no two different inputs can run together into the same bytes.
    sha.update(ByteBuffer.allocate(8).putInt(text.length).putInt(bytes.length).array());
    sha.update(text);
    sha.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
