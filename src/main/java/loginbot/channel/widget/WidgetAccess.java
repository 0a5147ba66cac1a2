package loginbot.channel.widget;

import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;
import loginbot.store.WidgetSessions;

/**
 * Who may open a widget conversation. The token must be genuine (an HMAC of the id), and its
 * session alive: used within the idle period and, once the conversation began, the conversation
 * still there, so an idle token expires and a privacy delete kills it at once.
 */
final class WidgetAccess {
  /** A token's last use is written at most this often. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final WidgetTokens tokens;
  private final WidgetSessions sessions;
  private final ConversationStore store;
  private final Clock clock;
  private final Duration idle;

  WidgetAccess(
      byte[] key, WidgetSessions sessions, ConversationStore store, Clock clock, Duration idle) {
    this.tokens = new WidgetTokens(key, new SecureRandom());
    this.sessions = sessions;
    this.store = store;
    this.clock = clock;
    this.idle = idle;
  }

  /** A conversation and its token, open for {@link #idle} without use. */
  WidgetTokens.Issued issue() {
    WidgetTokens.Issued issued = tokens.mint();
    sessions.open(issued.id(), clock.instant());
    return issued;
  }

  /**
   * The conversation a valid token opens: its record, empty before the first message.
   *
   * @param begun the conversation's first message was accepted
   */
  record Opened(String id, Optional<ConversationRecord> conversation, boolean begun) {}

  /**
   * Checks the token; 401 without one, or for an expired or dead one (the widget starts afresh),
   * 403 for a token that was never valid for this id.
   */
  Opened open(String id, String token) {
    if (token == null || token.isBlank()) {
      throw new UnauthorizedResponse("this conversation's token is required");
    }
    if (!tokens.verify(id, token.trim())) {
      throw new ForbiddenResponse("this token does not open conversation " + abbreviate(id));
    }
    return alive(id);
  }

  /** Checks a session without a token, for a stream ticket that was already redeemed. */
  Opened alive(String id) {
    Instant now = clock.instant();
    Optional<ConversationRecord> conversation = store.find(id);
    Optional<WidgetSessions.Session> session = sessions.find(id);
    if (session.isEmpty()) {
      // Tokens issued before sessions were kept: adopted while their conversation is alive.
      if (conversation.isEmpty() || conversation.get().updatedAt().isBefore(now.minus(idle))) {
        throw expired();
      }
      sessions.open(id, now);
      sessions.touch(id, now, true);
      return new Opened(id, conversation, true);
    }
    WidgetSessions.Session s = session.get();
    Instant lastActive =
        conversation.map(c -> later(c.updatedAt(), s.lastUsedAt())).orElse(s.lastUsedAt());
    if (lastActive.isBefore(now.minus(idle)) || (s.bound() && conversation.isEmpty())) {
      sessions.close(id);
      throw expired();
    }
    if (s.lastUsedAt().isBefore(now.minus(TOUCH_EVERY))) {
      sessions.touch(id, now, false);
    }
    return new Opened(id, conversation, s.bound());
  }

  /**
   * The conversation's first message was accepted: from now on the token works only while the
   * conversation exists. (Marked after the turn, so a refused first message costs nothing.)
   */
  void begun(Opened opened) {
    if (!opened.begun()) {
      sessions.touch(opened.id(), clock.instant(), true);
    }
  }

  /** Forgets tokens unused for longer than the idle period. */
  int purge() {
    return sessions.purgeUnusedSince(clock.instant().minus(idle));
  }

  private static UnauthorizedResponse expired() {
    return new UnauthorizedResponse(
        "this conversation has ended or expired; start a new one with POST /widget/conversations");
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
