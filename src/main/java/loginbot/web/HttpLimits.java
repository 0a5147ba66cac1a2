package loginbot.web;

import java.time.Duration;

/**
 * How long the server waits on a slow client before it gives up, so slow request bodies cannot pin
 * its threads.
 *
 * @param idleTimeout a connection with no bytes either way for this long is closed; longer than the
 *     event streams' 15 s heartbeat
 * @param readTimeout a request blocked reading its body this long gets 408
 * @param minRequestBytesPerSecond a body arriving slower than this, counted from the request's
 *     start, gets 408; low, because on a busy server a small body may be read late through no fault
 *     of the client
 */
public record HttpLimits(
    Duration idleTimeout, Duration readTimeout, long minRequestBytesPerSecond) {

  public static final HttpLimits DEFAULT =
      new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), 64);
}
