package loginbot.store;

/**
 * The store is reachable but has more requests waiting than it may queue ({@link BoundedStore}):
 * this one was refused at once instead of waiting for seconds. Channels answer with a status their
 * platform retries, after {@link #retryAfterSeconds()}.
 */
public final class StoreBusyException extends StoreUnavailableException {
  private static final long serialVersionUID = 1L;

  private final int retryAfterSeconds;

  public StoreBusyException(String message, int retryAfterSeconds) {
    super(message, null);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
