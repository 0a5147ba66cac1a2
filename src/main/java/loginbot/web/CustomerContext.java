package loginbot.web;

import java.util.Optional;
import loginbot.store.ConversationRecord;
import loginbot.store.Reader;

/**
 * Who the customer is and where they chat from, as agents see it beside the conversation: the name
 * and address as the page gave them (unverified), the widget's device, app version and page, and
 * for a Chatwoot conversation the link to it in Chatwoot.
 *
 * @param name the name the page gave; null if none
 * @param email the address the page gave (not one the user typed: that is {@code replyEmail})
 * @param device e.g. "Firefox on Windows", as the widget described it; null if unknown
 * @param appVersion the version the page declared; null if unknown
 * @param page the page the widget was on; null if unknown
 * @param chatwootUrl the conversation in Chatwoot's own interface; null outside Chatwoot
 */
public record CustomerContext(
    String name, String email, String device, String appVersion, String page, String chatwootUrl) {

  private static final String CHATWOOT_PREFIX = "cw:";

  static CustomerContext of(ConversationRecord c, Optional<String> chatwootBase) {
    Reader r = c.reader();
    return new CustomerContext(
        r.client().name(),
        "page".equals(r.emailSource()) ? r.email() : null,
        r.client().device(),
        r.client().appVersion(),
        r.page(),
        chatwootBase.flatMap(base -> chatwootUrl(base, c.id())).orElse(null));
  }

  /**
   * {@code cw:<account>:<conversation>} is at {@code <base>/app/accounts/<a>/conversations/<c>}.
   */
  static Optional<String> chatwootUrl(String base, String id) {
    if (!id.startsWith(CHATWOOT_PREFIX)) {
      return Optional.empty();
    }
    String[] parts = id.substring(CHATWOOT_PREFIX.length()).split(":", -1);
    if (parts.length != 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
      return Optional.empty();
    }
    String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return Optional.of(root + "/app/accounts/" + parts[0] + "/conversations/" + parts[1]);
  }
}
