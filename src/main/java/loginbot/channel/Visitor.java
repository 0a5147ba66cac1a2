package loginbot.channel;

import java.util.Optional;

/**
 * Who the embedding page says is chatting, and the page itself: unverified (the page, not the bot,
 * vouches for them). The e-mail address can carry an agent's answer to a user who left.
 *
 * @param name null if not given
 * @param email null if not given; already checked to be an address
 * @param page the page's address, for a link that reopens the chat; null if not given
 * @param device the browser and system the widget runs in, as the widget describes them; or null
 * @param appVersion the product version the page declares ({@code data-app-version}); or null
 */
public record Visitor(String name, String email, String page, String device, String appVersion) {
  public static final Visitor UNKNOWN = new Visitor(null, null, null, null, null);

  public Visitor(String name, String email, String page) {
    this(name, email, page, null, null);
  }

  /** The note agents see, e.g. "Contact given by the page: Jane Doe <jane@example.com>". */
  public Optional<String> note() {
    if (name == null && email == null) {
      return Optional.empty();
    }
    String who =
        (name == null ? "" : name)
            + (email == null ? "" : name == null ? email : " <" + email + ">");
    return Optional.of("Contact given by the page: " + who);
  }
}
