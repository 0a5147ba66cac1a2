package loginbot.channel.widget;

import java.security.SecureRandom;
import java.util.Optional;
import loginbot.mail.ReopenLinks;
import loginbot.store.ConversationRecord;

/**
 * Links that reopen a widget conversation: the page the chat was on, with {@code
 * #loginbot=<id>.<token>} for the widget to pick up. The token stays in the fragment, which
 * browsers never send to the page's server. Conversations of other channels get no link.
 */
public final class WidgetLinks implements ReopenLinks {
  static final String FRAGMENT = "loginbot=";

  private final WidgetTokens tokens;

  public WidgetLinks(WidgetSettings settings) {
    this.tokens = new WidgetTokens(settings.key(), new SecureRandom());
  }

  @Override
  public Optional<String> link(ConversationRecord c) {
    String page = c.reader().page();
    if (!WidgetChannel.CHANNEL.equals(c.channel())
        || page == null
        || !WidgetTokens.ID.matcher(c.id()).matches()) {
      return Optional.empty();
    }
    return Optional.of(page + "#" + FRAGMENT + c.id() + "." + tokens.tokenFor(c.id()));
  }
}
