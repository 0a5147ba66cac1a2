package loginbot.delivery;

/** An outbox item that would fail the same way on every try: it is logged and dropped. */
public final class UndeliverableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UndeliverableException(String message) {
    super(message);
  }

  public UndeliverableException(String message, Throwable cause) {
    super(message, cause);
  }
}
