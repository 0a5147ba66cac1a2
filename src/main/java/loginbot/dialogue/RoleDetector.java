package loginbot.dialogue;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Infers who is typing from the wording: "my client can't log in" or "mon client" is a
 * professional; "I'm a customer" or "mon professionnel" is a customer. Pure.
 */
public final class RoleDetector {
  private static final Pattern CUSTOMER_SAYS =
      Pattern.compile(
          "\\b(i'?m|i am|as)( an?| the)? (customer|client|account holder|user)\\b"
              + "|\\bje suis (un |une |le |la )?(client|cliente|titulaire|utilisateur|utilisatrice)\\b"
              + "|\\ben tant que (client|cliente)\\b"
              + "|\\bmy (professional|trainer|coach)\\b"
              + "|\\b(mon|ma) (professionnel|professionnelle|entraineur|entraineuse)\\b");
  private static final Pattern PROFESSIONAL_SAYS =
      Pattern.compile(
          "\\b(i'?m|i am|as)( an?| the)? (professional|pro|practitioner)\\b"
              + "|\\bje suis (un |une )?(professionnel|professionnelle|pro)\\b"
              + "|\\ben tant que (professionnel|professionnelle)\\b"
              + "|\\b(my|our) (client|customer|patient)s?\\b(?! app)"
              + "|\\bone of (my|our) (clients|customers|patients)\\b"
              + "|\\ba (client|customer) of (mine|ours)\\b|\\bhelping a (client|customer)\\b"
              + "|\\b(mon|ma|mes|notre|nos) (client|cliente|clients|clientes|patient|patiente|patients)\\b"
              + "|\\b(un|une) de mes (clients|clientes|patients|patientes)\\b"
              + "|\\b(un|une) (client|cliente) (a moi|m'ecrit|me dit)\\b");
  private static final Pattern CUSTOMER_ANSWER =
      Pattern.compile(
          "^(the )?(customer|client|cliente|account holder|titulaire( du compte)?|me|moi|myself|moi meme"
              + "|user|utilisateur)$");
  private static final Pattern PROFESSIONAL_ANSWER =
      Pattern.compile("^(the |a |un |une )?(professional|pro|professionnel|professionnelle)$");

  /** The role the wording reveals, if any. */
  public Optional<Role> detect(String text) {
    String t = YesNo.normalise(text);
    if (CUSTOMER_SAYS.matcher(t).find()) {
      return Optional.of(Role.CUSTOMER);
    }
    if (PROFESSIONAL_SAYS.matcher(t).find()) {
      return Optional.of(Role.PROFESSIONAL);
    }
    return Optional.empty();
  }

  /** Like {@link #detect}, also accepting a bare "customer" or "pro" because the bot just asked. */
  public Optional<Role> answer(String text) {
    String t = YesNo.normalise(text);
    if (PROFESSIONAL_ANSWER.matcher(t).matches()) {
      return Optional.of(Role.PROFESSIONAL);
    }
    if (CUSTOMER_ANSWER.matcher(t).matches()) {
      return Optional.of(Role.CUSTOMER);
    }
    return detect(text);
  }
}
