package loginbot.channel.chatwoot;

import java.io.IOException;

/** Chatwoot answered with a non-2xx status; {@link #retryable()} for 408, 429 and 5xx. */
public final class ChatwootApiException extends IOException {
  private final int status;
  private final String body;

  public ChatwootApiException(String call, int status, String body) {
    super(call + " answered HTTP " + status + ": " + body);
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public String body() {
    return body;
  }

  /** Worth trying again later; any other 4xx will fail the same way every time. */
  public boolean retryable() {
    return status == 408 || status == 429 || status >= 500;
  }
}
