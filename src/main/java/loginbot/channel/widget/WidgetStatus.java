package loginbot.channel.widget;

import java.time.Instant;

/**
 * What the widget shows about its conversation besides the lines: who has it, the support team's
 * hours, the place in the queue and the expected wait, an agent typing, and what an agent has seen.
 * Sent as a {@code status} event whenever it changes.
 *
 * @param status {@code bot}, {@code handoff} or {@code closed}
 * @param language the conversation's language, null before its first message
 * @param support whether people answer now, and when they are back if not
 * @param queue the place in line while waiting for a first human answer, else null
 * @param typing the name of the agent typing now, else null
 * @param seen the last line an agent has seen, else null
 */
public record WidgetStatus(
    String status, String language, Support support, Queue queue, String typing, Seen seen) {

  /** The support team's hours now; {@code backAt} is null while open. */
  public record Support(boolean open, Instant backAt) {}

  /**
   * @param position 1 for the next to be answered
   * @param waitMinutes the usual wait for a first answer lately, null without recent data
   */
  public record Queue(int position, Integer waitMinutes) {}

  /** An agent has seen the transcript up to {@code seq}. */
  public record Seen(long seq, String name) {}
}
