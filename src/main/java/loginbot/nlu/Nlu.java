package loginbot.nlu;

/** Turns a user's text into an {@link Understanding}; implementations are thread-safe. */
public interface Nlu {
  Understanding understand(String text);
}
