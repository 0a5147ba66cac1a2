package loginbot.channel.widget;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Conversation ids and the tokens that prove a widget owns one. The id is 128 random bits; the
 * token is HMAC-SHA256(server key, id), so nothing is stored and every instance sharing the key can
 * check it, while nobody without the key can forge a token for someone else's conversation.
 */
final class WidgetTokens {
  static final Pattern ID = Pattern.compile("w_[A-Za-z0-9_-]{22}");
  private static final String PURPOSE = "loginbot widget conversation v1:";

  private final byte[] key;
  private final SecureRandom random;

  WidgetTokens(byte[] key, SecureRandom random) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the widget key must be at least 32 bytes");
    }
    this.key = key.clone();
    this.random = random;
  }

  /** A new conversation the caller owns. */
  record Issued(String id, String token) {}

  Issued mint() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String id = "w_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new Issued(id, sign(id));
  }

  /** The token of an existing conversation, for a link that reopens it. */
  String tokenFor(String id) {
    return sign(id);
  }

  /** Constant-time check; false for anything malformed. */
  boolean verify(String id, String token) {
    if (id == null || token == null || !ID.matcher(id).matches()) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(id).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
  }

  private String sign(String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] tag = mac.doFinal((PURPOSE + id).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
