package loginbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.ContentSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the transcripts guard the article: removing any one of its facts from the content files
 * makes at least one transcript fail.
 */
class ArticleFactCoverageTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Invalid User / password",
        "error in the username or in the password",
        "Forgot password?",
        "SPAM",
        "main email",
        "alain_sirois",
        "client's information",
        "MUST",
        "“Actions” at the top right",
        "Resend invitation",
        "Generate temporary password",
        "easiest way possible",
        "e-mail address displayed is the one the customer uses",
        "more than one company",
        "Only your professional can generate",
        "merger of two accounts",
        "has been revoked",
        "reactivate the account",
        "release the email",
        "latest version",
        "{supportEmail}",
        "Mot de passe oublié?",
        "courriel principal",
        "DOIT",
        "« Actions » en haut à droite",
        "Générer un mot de passe temporaire",
        "Renvoyer l'invitation",
        "plus d'une entreprise",
        "Seul votre professionnel",
        "fusion de deux comptes",
        "révoqué",
        "réactiver le compte",
        "libérer le courriel",
        "dernière version"
      })
  void removing_an_article_fact_from_the_content_breaks_a_transcript(String fact) throws Exception {
    ContentCatalog without = withoutFact(fact);
    TranscriptRunner runner = new TranscriptRunner(Nlus::forTranscripts, without);

    // One transcript that notices is the proof: the others need not run.
    Optional<String> noticed = Optional.empty();
    for (Path file : TranscriptTest.files()) {
      try {
        runner.run(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
      } catch (AssertionError expected) {
        noticed = Optional.of(file.getFileName().toString());
        break;
      }
    }

    assertThat(noticed).as("a transcript that notices '" + fact + "' is gone").isPresent();
  }

  /** The shipped content with {@code fact} replaced wherever it appears (somewhere, at least). */
  private static ContentCatalog withoutFact(String fact) {
    ContentSource classpath = ContentSource.classpath();
    Map<String, String> edited = new HashMap<>();
    int[] removed = {0};
    ContentSource source =
        path -> {
          Optional<String> text = classpath.read(path);
          if (text.isEmpty() || !path.startsWith("content/")) {
            return text;
          }
          return Optional.of(
              edited.computeIfAbsent(
                  path,
                  p -> {
                    String before = text.get();
                    String after = before.replace(fact, "[removed]");
                    removed[0] += before.equals(after) ? 0 : 1;
                    return after;
                  }));
        };
    ContentCatalog catalog = ContentCatalog.load(source); // reads every file: the count is complete
    assertThat(removed[0]).as("'" + fact + "' must appear in the content").isPositive();
    return catalog;
  }
}
