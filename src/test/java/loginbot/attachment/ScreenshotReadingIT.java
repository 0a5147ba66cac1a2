package loginbot.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.ContentSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drawn login screens, several fonts, sizes and both languages, read by the real Tesseract: an
 * integration test (failsafe), since each screen is a run of the external OCR program.
 */
class ScreenshotReadingIT {
  static ImageIntake intake;

  @BeforeAll
  static void reader() {
    ContentCatalog content = ContentCatalog.fromClasspath();
    intake =
        new ImageIntake(
            new ImageCleaner(),
            Tesseract.require(),
            ScreenMessages.load(ContentSource.classpath(), content));
  }

  record Screen(String error, LoginScreens.Look look, String caseId, String shown) {}

  static List<Screen> screens() {
    return List.of(
        new Screen(
            "Account disabled",
            LoginScreens.Look.plain("DejaVu Sans", 30, false),
            "account_disabled",
            "Account disabled"),
        new Screen(
            "Compte désactivé",
            LoginScreens.Look.plain("Liberation Serif", 34, true),
            "account_disabled",
            "Compte désactivé"),
        new Screen(
            "Invalid User / password",
            LoginScreens.Look.plain("Liberation Sans", 26, false),
            "invalid_credentials",
            "Invalid User / password"),
        new Screen(
            "Utilisateur / mot de passe invalide",
            new LoginScreens.Look("DejaVu Sans", 28, true, true, "••••••"),
            "invalid_credentials",
            "Utilisateur / mot de passe invalide"),
        new Screen(
            "Account disabled",
            new LoginScreens.Look("DejaVu Serif", 24, false, true, "••••••"),
            "account_disabled",
            "Account disabled"),
        new Screen(
            "Mise à jour requise",
            LoginScreens.Look.plain("DejaVu Sans Mono", 30, true),
            "app_update",
            "Mise à jour requise"));
  }

  @ParameterizedTest
  @MethodSource("screens")
  void a_drawn_error_screen_is_read_and_matched_to_its_case(Screen screen) {
    byte[] png = LoginScreens.png(LoginScreens.draw(screen.error(), screen.look()));

    ImageIntake.Received received = intake.receive(png);

    assertThat(received.read()).isTrue();
    assertThat(received.match().map(ScreenMessages.Match::caseId)).hasValue(screen.caseId());
    assertThat(received.match().map(ScreenMessages.Match::message)).hasValue(screen.shown());
  }

  @org.junit.jupiter.api.Test
  void a_screen_without_an_error_matches_no_case_and_a_password_in_clear_is_read_as_text() {
    var look = new LoginScreens.Look("DejaVu Sans", 28, false, false, "Soleil2024!");
    byte[] png = LoginScreens.png(LoginScreens.draw("", look));

    ImageIntake.Received received = intake.receive(png);

    assertThat(received.match()).isEqualTo(Optional.empty());
    assertThat(received.text()).contains("alain_sirois");
    // The caller masks this text like typed text (WidgetScreenshotsIT checks the transcript).
  }
}
