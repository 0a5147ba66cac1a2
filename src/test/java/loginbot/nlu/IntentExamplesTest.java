package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Messages written for this test (not in intents/ nor in the held-out file), through the production
 * rule.
 */
class IntentExamplesTest {
  private static TrainedNlu nlu;

  @BeforeAll
  static void train() {
    nlu = ShippedModel.nlu(TrainingData.load(Optional.empty()), DecisionRule.DEFAULT);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "greeting            | hey there, good morning",
        "greeting            | bonjour a vous",
        "goodbye             | thank you so much, have a nice day",
        "goodbye             | merci beaucoup, bonne journée!",
        "affirm              | yes it worked, I'm in now",
        "affirm              | oui ca a marché merci",
        "deny                | no still the same",
        "deny                | non ça marche toujours pas",
        "human_agent         | I would like to talk to a real person please",
        "human_agent         | je veux parler a quelqu'un de votre équipe",
        "cannot_login        | I can't get into the app anymore",
        "cannot_login        | je suis pas capable de rentrer dans l'application",
        "invalid_credentials | the app keeps saying Invalid User / password",
        "invalid_credentials | ca me dit utilisateur ou mot de passe invalide",
        "forgot_password     | I forgot my pasword how do i reset it",
        "forgot_password     | j'ai oublie mon mot de pase",
        "reset_email_missing | I never got the email to reset my password",
        "reset_email_missing | je recois pas le courriel pour changer mon mot de passe",
        "username_or_email   | should my client use her username or her email to sign in",
        "username_or_email   | je dois me connecter avec mon courriel ou mon nom d'utilisateur?",
        "temporary_password  | how do I send a temporary password to my client",
        "temporary_password  | comment envoyer un mot de passe temporaire à ma cliente",
        "account_disabled    | my account says disabled",
        "account_disabled    | le compte de ma cliente est désactivé",
        "app_update          | do I have to update the app to the latest version",
        "app_update          | est-ce que je dois mettre a jour l'application",
        "out_of_scope        | how do I change my credit card for the subscription",
        "out_of_scope        | comment ajouter un repas dans mon plan alimentaire",
        "out_of_scope        | what's the capital of australia",
        "out_of_scope        | quelle est la meilleure pizza en ville",
      })
  void a_message_gets_its_intent(String label, String text) {
    // given
    Intent expected = Intent.fromLabel(label).orElseThrow();

    // when
    Understanding understanding = nlu.understand(text);

    // then
    assertThat(understanding.effectiveIntent())
        .as("%s -> %s", text, understanding.prediction())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "i forgto my passwrod         | forgot_password",
        "acount disabeld              | account_disabled",
        "mot de pase oublier          | forgot_password",
        "jai pas recu le courriel de reinitialisation | reset_email_missing",
      })
  void typos_and_missing_accents_are_understood(String text, String label) {
    // given
    Intent expected = Intent.fromLabel(label).orElseThrow();

    // when
    Understanding understanding = nlu.understand(text);

    // then
    assertThat(understanding.effectiveIntent())
        .as("%s -> %s", text, understanding.prediction())
        .isEqualTo(expected);
  }
}
