package loginbot.store;

/**
 * The database cannot serve this request now; callers answer with a status the platform retries.
 * {@link StoreBusyException} is the overload case.
 */
public class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
