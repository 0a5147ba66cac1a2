package loginbot.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long recent handoffs waited for a person's first answer: from the handoff to the first agent
 * line. The seam where a richer history (conversation episodes) can serve the same figures.
 */
@FunctionalInterface
public interface FirstReplyTimes {

  /** First-answer times of handoffs since {@code since}, newest first, at most {@code limit}. */
  List<Duration> since(Instant since, int limit);
}
