package loginbot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start's head start names classes that exist: a library upgrade that renames one shows. */
class PreloaderTest {

  @Test
  void every_class_the_start_preloads_is_on_the_class_path() {
    ClassLoader loader = Preloader.class.getClassLoader();
    assertThat(Preloader.CLASSES)
        .allSatisfy(
            name -> assertThat(loader.getResource(name.replace('.', '/') + ".class")).isNotNull());
  }
}
