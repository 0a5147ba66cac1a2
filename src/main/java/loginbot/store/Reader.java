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
 * @param client who the page says the user is and what they chat from; unverified, for agents
 */
public record Reader(
    String email,
    String emailSource,
    String page,
    boolean awaitingEmail,
    long seenSeq,
    long mailedSeq,
    Client client) {

  public static final Reader UNKNOWN = new Reader(null, null, null, false, 0, 0, Client.UNKNOWN);

  /**
   * What the embedding page told the widget, shown to agents as given (never verified).
   *
   * @param name the user's name as the page gave it; null if not given
   * @param device a short description of the browser and system, e.g. "Firefox on Windows"
   * @param appVersion the version of the product the page belongs to; null if not given
   */
  public record Client(String name, String device, String appVersion) {
    public static final Client UNKNOWN = new Client(null, null, null);

    /** Each detail given here replaces the one known; the others stay. */
    public Client updatedBy(Client given) {
      return new Client(
          given.name != null ? given.name : name,
          given.device != null ? given.device : device,
          given.appVersion != null ? given.appVersion : appVersion);
    }
  }

  public Reader {
    client = client == null ? Client.UNKNOWN : client;
  }

  public Reader withClient(Client given) {
    return new Reader(
        email, emailSource, page, awaitingEmail, seenSeq, mailedSeq, client.updatedBy(given));
  }

  public Reader withEmail(String address, String source) {
    return new Reader(address, source, page, false, seenSeq, mailedSeq, client);
  }

  public Reader withPage(String url) {
    return new Reader(email, emailSource, url, awaitingEmail, seenSeq, mailedSeq, client);
  }

  public Reader awaitingEmail(boolean awaiting) {
    return new Reader(email, emailSource, page, awaiting, seenSeq, mailedSeq, client);
  }

  public Reader seenThrough(long seq) {
    return new Reader(
        email, emailSource, page, awaitingEmail, Math.max(seenSeq, seq), mailedSeq, client);
  }

  public Reader mailedThrough(long seq) {
    return new Reader(
        email, emailSource, page, awaitingEmail, seenSeq, Math.max(mailedSeq, seq), client);
  }

  /** The last line the user has either seen or been mailed. */
  public long reachedSeq() {
    return Math.max(seenSeq, mailedSeq);
  }
}
