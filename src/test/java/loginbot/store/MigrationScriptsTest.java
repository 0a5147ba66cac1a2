package loginbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationScriptsTest {

  @Test
  void every_shipped_script_is_listed_by_the_version_flyway_records() {
    Map<String, Integer> scripts = MigrationScripts.checksumsByVersion();

    assertThat(scripts).containsKeys("1", "2");
  }

  @Test
  void scripts_inside_a_jar_are_listed_as_in_a_directory(@TempDir Path dir) throws Exception {
    // given the scripts packed as the fat jar packs them, with directory entries
    Path jar =
        jar(
            dir.resolve("bot.jar"),
            Map.of(
                "db/migration/V1__first.sql", "CREATE TABLE a (id INT);\n",
                "db/migration/V2_1__second.sql", "CREATE TABLE b (id INT);\n"));

    // when: located by a class loader, and as the JVM's own class loader names a directory entry
    Map<String, Integer> scripts;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      scripts = MigrationScripts.checksumsByVersion(loader);
    }
    Map<String, Integer> withSlash =
        MigrationScripts.checksumsByVersion(
            List.of(URI.create("jar:" + jar.toUri() + "!/db/migration/").toURL()));

    // then
    assertThat(scripts)
        .containsOnlyKeys("1", "2.1")
        .containsEntry("1", MigrationScripts.checksum(bytes("CREATE TABLE a (id INT);\n")));
    assertThat(withSlash).isEqualTo(scripts);
  }

  @Test
  void a_script_this_check_does_not_understand_leaves_the_decision_to_flyway(@TempDir Path dir)
      throws Exception {
    // given a repeatable script, and another in a subdirectory (Flyway finds both)
    Path repeatable =
        jar(
            dir.resolve("repeatable.jar"),
            Map.of("db/migration/V1__a.sql", "SELECT 1;", "db/migration/R__view.sql", "SELECT 2;"));
    Path nested =
        jar(
            dir.resolve("nested.jar"),
            Map.of(
                "db/migration/V1__a.sql", "SELECT 1;", "db/migration/more/V2__b.sql", "SELECT 2;"));

    // when / then
    for (Path jar : List.of(repeatable, nested)) {
      try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
        assertThat(MigrationScripts.checksumsByVersion(loader)).as(jar.toString()).isEmpty();
      }
    }
  }

  @Test
  void line_breaks_and_a_byte_order_mark_do_not_change_a_checksum_as_for_flyway() throws Exception {
    // given
    int unix = MigrationScripts.checksum(bytes("CREATE TABLE t (id INT);\nSELECT 1;\n"));

    // when / then
    assertThat(MigrationScripts.checksum(bytes("CREATE TABLE t (id INT);\r\nSELECT 1;\r\n")))
        .isEqualTo(unix);
    assertThat(MigrationScripts.checksum(bytes("\uFEFFCREATE TABLE t (id INT);\nSELECT 1;")))
        .isEqualTo(unix);
    assertThat(MigrationScripts.checksum(bytes("CREATE TABLE t (id BIGINT);\nSELECT 1;\n")))
        .isNotEqualTo(unix);
  }

  /** A jar with the given files and, as build tools write them, an entry for each directory. */
  private static Path jar(Path file, Map<String, String> files) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
      Set<String> directories = new TreeSet<>();
      for (String name : files.keySet()) {
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
          directories.add(name.substring(0, slash + 1));
        }
      }
      for (String directory : directories) {
        out.putNextEntry(new JarEntry(directory));
        out.closeEntry();
      }
      for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
        out.putNextEntry(new JarEntry(f.getKey()));
        out.write(bytes(f.getValue()));
        out.closeEntry();
      }
    }
    return file;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
