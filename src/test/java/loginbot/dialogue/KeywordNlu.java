package loginbot.dialogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import loginbot.nlu.Intent;
import loginbot.nlu.Language;
import loginbot.nlu.Nlu;
import loginbot.nlu.Prediction;
import loginbot.nlu.Reading;
import loginbot.nlu.Understanding;

/** A test-only keyword NLU: first matching rule wins; no rule means "not understood". */
public final class KeywordNlu implements Nlu {
  private static final Map<Intent, Pattern> RULES = new LinkedHashMap<>();

  static {
    rule(
        Intent.HUMAN_AGENT,
        "(talk|speak|chat) (to|with) (a |an )?(human|person|agent|someone|real)|\\bhuman\\b"
            + "|\\bagent\\b|parler a (un|une|quelqu)|\\bhumain\\b|vraie personne|real person");
    rule(Intent.TEMPORARY_PASSWORD, "temporary password|temp password|mot de passe temporaire");
    rule(Intent.ACCOUNT_DISABLED, "disabled|desactive|deactivated");
    rule(
        Intent.RESET_EMAIL_MISSING,
        "(didn't|did not|never|haven't|not) (get|got|receive|received|arrive)"
            + "|never (came|arrived)|pas recu|jamais recu|rien recu|aucun courriel");
    rule(Intent.FORGOT_PASSWORD, "forgot|forgotten|oublie|reset (my |the )?password|reinitialiser");
    rule(
        Intent.USERNAME_OR_EMAIL,
        "username|user name|nom d'utilisateur|which email|quel courriel|identifiant");
    rule(Intent.INVALID_CREDENTIALS, "invalid|incorrect|wrong password|invalide");
    rule(Intent.APP_UPDATE, "update|version|mise a jour|crash|plante|bug|keeps closing");
    rule(
        Intent.DENY,
        "^(no|nope|nah|non)\\b|didn't work|did not work|not working|marche pas|n'a pas (marche|fonctionne)"
            + "|toujours pas|still not");
    rule(
        Intent.AFFIRM,
        "^(yes|yeah|yep|sure|oui|ouais|d'accord)\\b|it worked|that worked|ca marche|ca a marche"
            + "|i'm in|je suis connecte");
    rule(Intent.GREETING, "^(hi|hello|hey|bonjour|salut|allo|bonsoir)\\b");
    rule(Intent.GOODBYE, "thank|merci|^bye|goodbye|au revoir|bonne journee");
    rule(
        Intent.CANNOT_LOGIN,
        "can't log|cannot log|can't sign|unable to log|can't access|can't get in|log in"
            + "|login|connecter|connexion|acceder");
    rule(
        Intent.OUT_OF_SCOPE,
        "weather|meteo|pizza|appointment|rendez-vous|billing|facture|recipe|joke|invoice");
  }

  private static final Set<String> FRENCH =
      Set.of(
          "je",
          "j'ai",
          "mon",
          "ma",
          "mes",
          "le",
          "la",
          "les",
          "pas",
          "est",
          "une",
          "de",
          "du",
          "des",
          "mot",
          "passe",
          "courriel",
          "oui",
          "non",
          "merci",
          "bonjour",
          "salut",
          "compte",
          "cliente",
          "ne",
          "n'arrive",
          "avec",
          "pour",
          "que",
          "qui",
          "ca",
          "c'est",
          "vous",
          "il",
          "elle",
          "recu",
          "n'ai",
          "aide",
          "parler",
          "personne",
          "suis",
          "plus",
          "d'une",
          "entreprise",
          "toujours",
          "rien");
  private static final Set<String> ENGLISH =
      Set.of(
          "i",
          "my",
          "the",
          "is",
          "a",
          "an",
          "to",
          "in",
          "can't",
          "password",
          "email",
          "yes",
          "no",
          "thanks",
          "hello",
          "hi",
          "account",
          "not",
          "with",
          "for",
          "it",
          "me",
          "didn't",
          "forgot",
          "get",
          "what",
          "how",
          "please",
          "person",
          "talk",
          "still",
          "one",
          "of",
          "than");

  private static void rule(Intent intent, String regex) {
    RULES.put(intent, Pattern.compile(regex));
  }

  @Override
  public Understanding understand(String text) {
    String t = normalise(text);
    Language language = language(t);
    for (Map.Entry<Intent, Pattern> rule : RULES.entrySet()) {
      if (rule.getValue().matcher(t).find()) {
        return new Understanding(
            Optional.of(rule.getKey()),
            new Prediction(rule.getKey(), 0.9, Intent.OUT_OF_SCOPE, 0.05),
            Reading.of(text, language));
      }
    }
    return new Understanding(
        Optional.empty(),
        new Prediction(Intent.OUT_OF_SCOPE, 0.3, Intent.GREETING, 0.2),
        Reading.of(text, language));
  }

  private static Language language(String normalised) {
    int fr = 0;
    int en = 0;
    for (String word : normalised.split(" ")) {
      fr += FRENCH.contains(word) ? 1 : 0;
      en += ENGLISH.contains(word) ? 1 : 0;
    }
    return fr > en ? Language.FR : Language.EN;
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
  private static final java.util.regex.Pattern NOT_WORD =
      java.util.regex.Pattern.compile("[^\\p{L}\\p{N}' ]+");

  /** Lower case, no accents, straight apostrophes, punctuation as spaces: what the rules match. */
  private static String normalise(String text) {
    String t =
        MARKS
            .matcher(
                java.text.Normalizer.normalize(
                    text.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD))
            .replaceAll("")
            .replace('’', '\'');
    return NOT_WORD.matcher(t).replaceAll(" ").replaceAll("\\s+", " ").trim();
  }
}
