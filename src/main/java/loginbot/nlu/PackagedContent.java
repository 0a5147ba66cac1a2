package loginbot.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The content files in the jar ({@code src/main/resources/content}). The build ({@code
 * process-classes}) copies every YAML file as JSON with the same tokens under {@code
 * content-json/}, and reading the jar's content reads that copy: a start then never loads the YAML
 * parser, nor has the JIT compile it. CONTENT_DIR, a writer's edited copy, is read as YAML.
 */
public final class PackagedContent {
  static final String YAML_ROOT = "content/";
  static final String JSON_ROOT = "content-json/";

  private PackagedContent() {}

  /**
   * The jar's file at {@code path} ({@code content/cases/x.yaml}): the build's JSON copy, or the
   * YAML when there is none (classes built without the step, or YAML that JSON cannot copy).
   */
  public static Optional<ContentText> text(String path) {
    Optional<String> json = jsonPath(path).flatMap(PackagedContent::resource);
    if (json.isPresent()) {
      return Optional.of(ContentText.jsonCopy(path, json.get()));
    }
    return yaml(path).map(text -> ContentText.yaml(path, text));
  }

  /** The jar's YAML file at {@code path}, as written. */
  public static Optional<String> yaml(String path) {
    return resource(path);
  }

  /** Where the build puts the JSON copy of a YAML content file. */
  static Optional<String> jsonPath(String path) {
    if (!path.startsWith(YAML_ROOT) || !path.endsWith(".yaml")) {
      return Optional.empty();
    }
    String relative = path.substring(YAML_ROOT.length(), path.length() - ".yaml".length());
    return Optional.of(JSON_ROOT + relative + ".json");
  }

  private static Optional<String> resource(String path) {
    try (InputStream in = PackagedContent.class.getClassLoader().getResourceAsStream(path)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath:" + path, e);
    }
  }

  /**
   * The build step: (re)writes the JSON copy of every YAML file under {@code content/} of the
   * classes directory given whose copy is missing or differs, and deletes copies left without their
   * YAML, so the jar never ships a stale one.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: PackagedContent CLASSES_DIR");
    }
    Path classes = Path.of(args[0]);
    Set<Path> current = new HashSet<>();
    int rewritten = 0;
    for (Path file : files(classes.resolve(YAML_ROOT), ".yaml")) {
      String path = classes.relativize(file).toString().replace('\\', '/');
      Path copy = classes.resolve(jsonPath(path).orElseThrow());
      Optional<String> json = YamlToJson.convert(Files.readString(file, StandardCharsets.UTF_8));
      if (json.isEmpty()) {
        System.err.println("content-json: " + path + " is read as YAML (JSON cannot copy it)");
        continue;
      }
      current.add(copy);
      if (!Files.isRegularFile(copy)
          || !Files.readString(copy, StandardCharsets.UTF_8).equals(json.get())) {
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, json.get(), StandardCharsets.UTF_8);
        rewritten++;
      }
    }
    for (Path copy : files(classes.resolve(JSON_ROOT), ".json")) {
      if (!current.contains(copy)) {
        Files.delete(copy);
      }
    }
    System.err.println(
        "content-json: "
            + current.size()
            + " JSON copies of content/, "
            + rewritten
            + " rewritten");
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
