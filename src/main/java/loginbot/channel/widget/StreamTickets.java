package loginbot.channel.widget;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived tickets that open one conversation's event stream. EventSource cannot send headers,
 * so the stream URL carries a ticket, never the conversation's token: a ticket that leaks through a
 * log or a proxy is worth one stream, for a minute. Signed with the widget key (any instance checks
 * it); used once on this instance.
 */
final class StreamTickets {
  private static final String PURPOSE = "loginbot widget stream ticket v1:";

  private final byte[] key;
  private final Clock clock;
  private final Duration lifetime;
  private final Cache<String, Boolean> used;
  private final java.security.SecureRandom random = new java.security.SecureRandom();

  StreamTickets(byte[] key, Clock clock, Duration lifetime) {
    this.key = key.clone();
    this.clock = clock;
    this.lifetime = lifetime;
    this.used =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(lifetime.plusSeconds(5))
            .build();
  }

  /** A ticket for this conversation: {@code <expiry seconds>.<nonce>.<signature>}. */
  String issue(String conversationId) {
    long expires = clock.instant().plus(lifetime).getEpochSecond();
    byte[] nonce = new byte[9];
    random.nextBytes(nonce);
    String head = expires + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    return head + "." + sign(conversationId, head);
  }

  long lifetimeSeconds() {
    return lifetime.toSeconds();
  }

  /** True once for a ticket of this conversation that has not expired. */
  boolean redeem(String conversationId, String ticket) {
    if (ticket == null) {
      return false;
    }
    int dot = ticket.indexOf('.');
    int last = ticket.lastIndexOf('.');
    if (dot <= 0 || dot > 19 || last <= dot) {
      return false;
    }
    long expires;
    try {
      expires = Long.parseLong(ticket.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    boolean genuine =
        MessageDigest.isEqual(
            sign(conversationId, ticket.substring(0, last)).getBytes(StandardCharsets.US_ASCII),
            ticket.substring(last + 1).getBytes(StandardCharsets.US_ASCII));
    if (!genuine || clock.instant().getEpochSecond() > expires) {
      return false;
    }
    return used.asMap().putIfAbsent(ticket, Boolean.TRUE) == null;
  }

  private String sign(String conversationId, String head) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] tag =
          mac.doFinal((PURPOSE + conversationId + ":" + head).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
