package loginbot.store;

/**
 * The store could not be opened at start-up (database unreachable, bad DATABASE_URL, failed
 * migration). The message is one line for a human; the composition root prints it and exits.
 */
public final class StoreStartupException extends RuntimeException {
  public StoreStartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
