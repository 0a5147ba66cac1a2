package loginbot.store;

import java.time.Instant;
import java.util.List;
import loginbot.dialogue.Button;

/**
 * One line of a conversation's transcript, already masked. {@code seq} orders a conversation's
 * entries; {@code intent} and {@code confidence} are set on user lines only.
 */
public record TranscriptEntry(
    long seq,
    Instant at,
    Author author,
    String name,
    String text,
    List<Button> buttons,
    String intent,
    Double confidence,
    boolean understood) {

  /** Who wrote a transcript line. */
  public enum Author {
    USER,
    BOT,
    AGENT,
    SYSTEM,
    /** An agent's internal note: for agents only, never sent to the user on any channel. */
    NOTE
  }

  public TranscriptEntry {
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }

  /** A line to append; the store assigns its sequence number. */
  public record Draft(
      Instant at,
      Author author,
      String name,
      String text,
      List<Button> buttons,
      String intent,
      Double confidence,
      boolean understood) {

    public Draft {
      buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    /** A line without buttons or a reading: a person's words, a note, a system line. */
    public static Draft plain(Instant at, Author author, String name, String text) {
      return new Draft(at, author, name, text, List.of(), null, null, true);
    }

    public TranscriptEntry withSeq(long seq) {
      return new TranscriptEntry(
          seq, at, author, name, text, buttons, intent, confidence, understood);
    }
  }
}
