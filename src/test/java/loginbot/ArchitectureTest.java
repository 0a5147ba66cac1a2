package loginbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The directions between the pipeline's stages, checked on the compiled main classes: the dialogue
 * stays a pure function, storage knows nothing of HTTP, each channel stands alone, and only the
 * composition root reads the environment.
 */
class ArchitectureTest {
  // The build's main classes only; classes they refer to (JDK, libraries) are known by name, which
  // is all these rules look at (archunit.properties: no resolving them from the class path).
  private static final JavaClasses MAIN = new ClassFileImporter().importPath(mainClasses());

  private static Path mainClasses() {
    try {
      return Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void the_dialogue_does_no_io_and_knows_no_edge_of_the_system() {
    noClasses()
        .that()
        .resideInAnyPackage("loginbot.dialogue..", "loginbot.handoff..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "loginbot.store..",
            "loginbot.web..",
            "loginbot.channel..",
            "loginbot.ops..",
            "io.javalin..",
            "org.eclipse.jetty..",
            "java.sql..",
            "javax.sql..",
            "okhttp3..",
            "java.net..",
            "com.zaxxer..",
            "org.flywaydb..",
            "org.slf4j..")
        .because("the dialogue is (state, input) -> (next state, actions): I/O lives at the edges")
        .check(MAIN);
  }

  @Test
  void the_dialogue_itself_reads_no_file_either() {
    // Its content (dialogue.content) is loaded and validated at start-up; the turn itself only
    // computes.
    noClasses()
        .that()
        .resideInAPackage("loginbot.dialogue")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.io..", "java.nio.file..", "com.fasterxml..")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .because("a turn is a pure function of the state, the input and the clock it is given")
        .check(MAIN);
  }

  @Test
  void storage_knows_nothing_of_http_the_channels_or_operations() {
    noClasses()
        .that()
        .resideInAPackage("loginbot.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "loginbot.web..",
            "loginbot.channel..",
            "loginbot.ops..",
            "io.javalin..",
            "org.eclipse.jetty..",
            "okhttp3..")
        .check(MAIN);
  }

  @Test
  void channels_do_not_depend_on_each_other() {
    slices()
        .matching("loginbot.channel.(*)..")
        .should()
        .notDependOnEachOther()
        .because("each platform's adapter goes through ConversationService, never another adapter")
        .check(MAIN);
  }

  @Test
  void understanding_depends_on_no_other_stage() {
    noClasses()
        .that()
        .resideInAPackage("loginbot.nlu..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "loginbot.dialogue..",
            "loginbot.handoff..",
            "loginbot.store..",
            "loginbot.web..",
            "loginbot.channel..",
            "loginbot.ops..")
        .because("the classifier is a leaf: every stage may use it, it uses none")
        .check(MAIN);
  }

  @Test
  void sql_lives_in_the_store_and_outbound_http_in_the_channels_that_need_it() {
    noClasses()
        .that()
        .resideOutsideOfPackage("loginbot.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..", "javax.sql..", "com.zaxxer..", "org.flywaydb..", "org.sqlite..")
        .check(MAIN);
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "loginbot.channel.chatwoot..", "loginbot.delivery..", "loginbot.ops..")
        .and()
        .doNotHaveFullyQualifiedName(App.class.getName())
        .should()
        .dependOnClassesThat()
        .resideInAPackage("okhttp3..")
        .check(MAIN);
  }

  @Test
  void only_the_composition_root_reads_the_environment() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(Main.class.getName())
        .should()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .because("App/Main turn the environment into Config once; everything else is given values")
        .check(MAIN);
  }
}
