package loginbot.attachment;

/** An upload that is not an image the bot accepts; {@code status} is the HTTP answer. */
public final class ImageRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public ImageRejected(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
