package loginbot.store;

/** The database cannot be reached; callers answer 503 so the platform retries later. */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
