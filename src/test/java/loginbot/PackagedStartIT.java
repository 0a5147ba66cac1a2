package loginbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn package} leaves for a fast start: a jar whose {@code selftest} passes, and the
 * class-data archive recorded from it, which the JVM accepts when run as the README and the
 * Procfile run it (from the project directory).
 */
class PackagedStartIT {
  private static final Path JAR = Path.of("target", "loginbot.jar");
  private static final Path ARCHIVE = Path.of("target", "loginbot.jsa");

  @Test
  void the_selftest_of_the_packaged_jar_passes() throws Exception {
    // when
    Result result = java("-jar", JAR.toString(), "selftest");

    // then: its first start copied the jar's empty database, and both starts found the schema
    // current
    assertThat(result.code()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("selftest: ok")
        .containsOnlyOnce("a copy of the empty one built into the jar")
        .containsPattern(
            "(?m)^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  \\[store-open] l\\.store\\.Migrations"
                + " - schema is current")
        .doesNotContain("Migrating schema");
    assertThat(
            result
                .output()
                .split("schema is current: every migration is applied, Flyway is not needed", -1))
        .hasSize(3);
  }

  @Test
  void a_logback_file_named_on_the_command_line_replaces_the_built_in_text_format()
      throws Exception {
    // given: logback reads such a file when the built-in configuration steps aside for it
    Path config = Files.createTempFile("loginbot-logback-", ".xml");
    Files.writeString(
        config,
        "<configuration><appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">"
            + "<encoder><pattern>custom %level %msg%n</pattern></encoder></appender>"
            + "<root level=\"INFO\"><appender-ref ref=\"OUT\"/></root></configuration>");

    // when
    Result result =
        java("-Dlogback.configurationFile=" + config, "-jar", JAR.toString(), "selftest");

    // then
    assertThat(result.code()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("custom INFO schema is current")
        .doesNotContainPattern("(?m)^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO ");
    Files.delete(config);
  }

  @Test
  void the_package_step_leaves_a_class_data_archive_the_jvm_maps() throws Exception {
    // given
    assertThat(ARCHIVE).as("run `mvn package` first").isRegularFile();

    // when: -Xshare:on makes an archive the JVM cannot map an error instead of a silent fallback
    Result result =
        java("-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-jar", JAR.toString(), "help");

    // then
    assertThat(result.code()).as(result.output()).isZero();
    assertThat(result.output()).contains("usage:").doesNotContain("shared archive");
  }

  @Test
  void the_readme_command_starts_without_the_archive_too() throws Exception {
    // when the archive named by the command is missing
    Result result =
        java("-XX:SharedArchiveFile=target/no-such-archive.jsa", "-jar", JAR.toString(), "help");

    // then
    assertThat(result.code()).as(result.output()).isZero();
    assertThat(result.output()).contains("usage:");
  }

  @Test
  void the_packaged_eval_prints_nothing_but_its_json_report_on_stdout() throws Exception {
    // given: tools pipe `eval --json` into a JSON parser, so nothing else may reach stdout
    Path file = Files.createTempFile("loginbot-eval-", ".tsv");
    Files.writeString(file, "greeting\thello there\nforgot_password\tI forgot my password\n");

    // when
    Result result = java(false, "-jar", JAR.toString(), "eval", file.toString(), "--json");

    // then
    assertThat(result.code()).as(result.output()).isZero();
    JsonNode report = new ObjectMapper().readTree(result.output());
    assertThat(report.has("accuracy")).as(result.output()).isTrue();
    Files.delete(file);
  }

  private record Result(int code, String output) {}

  private static Result java(String... args) throws IOException, InterruptedException {
    return java(true, args);
  }

  private static Result java(boolean withStderr, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("loginbot-packaged-", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(withStderr)
              .redirectError(
                  withStderr ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.DISCARD)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("no exit within 120 s: " + command);
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
