package loginbot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so retries, windows and expiry need no sleeping. */
public final class MutableClock extends Clock {
  private volatile Instant now;

  /** Starts at a fixed instant with microseconds, as databases keep them. */
  public MutableClock() {
    this(Instant.parse("2025-03-01T09:30:00.123456Z"));
  }

  public MutableClock(Instant start) {
    this.now = start;
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }

  public void set(Instant instant) {
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
