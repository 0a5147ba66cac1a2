package loginbot.channel.widget;

import io.javalin.http.Context;

/**
 * Decides whether a widget request may go ahead; the seam where rate limiting plugs in. Refuses by
 * throwing an {@code HttpResponseException} (e.g. 429 with {@code Retry-After}).
 */
@FunctionalInterface
public interface Admission {

  /** What the widget asks for; limits usually differ between them. */
  enum Kind {
    CREATE,
    SEND,
    READ,
    STREAM
  }

  /** Lets everything through. */
  Admission OPEN = (ctx, kind, conversationId) -> {};

  /**
   * @param conversationId null for {@link Kind#CREATE}
   */
  void admit(Context ctx, Kind kind, String conversationId);
}
