package loginbot.store;

/**
 * Who reads a conversation and how to reach them when they are not in the chat: the e-mail address
 * the page gave or the user left, the page the chat was on, and how far they have read.
 *
 * @param email null when none is known; shown to agents, never logged
 * @param emailSource {@code page} (the embedding page vouches for it) or {@code user} (typed in)
 * @param page the web page the widget was on, for a link that reopens the chat; null if unknown
 * @param awaitingEmail the bot offered to continue by e-mail and waits for an address
 * @param seenSeq the last transcript line the user was shown (live stream, a response, a callback)
 * @param mailedSeq the last transcript line sent to the user by e-mail
 */
public record Reader(
    String email,
    String emailSource,
    String page,
    boolean awaitingEmail,
    long seenSeq,
    long mailedSeq) {

  public static final Reader UNKNOWN = new Reader(null, null, null, false, 0, 0);

  public Reader withEmail(String address, String source) {
    return new Reader(address, source, page, false, seenSeq, mailedSeq);
  }

  public Reader withPage(String url) {
    return new Reader(email, emailSource, url, awaitingEmail, seenSeq, mailedSeq);
  }

  public Reader awaitingEmail(boolean awaiting) {
    return new Reader(email, emailSource, page, awaiting, seenSeq, mailedSeq);
  }

  public Reader seenThrough(long seq) {
    return new Reader(email, emailSource, page, awaitingEmail, Math.max(seenSeq, seq), mailedSeq);
  }

  public Reader mailedThrough(long seq) {
    return new Reader(email, emailSource, page, awaitingEmail, seenSeq, Math.max(mailedSeq, seq));
  }

  /** The last line the user has either seen or been mailed. */
  public long reachedSeq() {
    return Math.max(seenSeq, mailedSeq);
  }
}
