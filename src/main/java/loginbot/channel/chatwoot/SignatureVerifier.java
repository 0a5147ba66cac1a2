package loginbot.channel.chatwoot;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Chatwoot's webhook signature (v4.13+): {@code X-Chatwoot-Signature: sha256=<hex>} where
 * hex is HMAC-SHA256 keyed with the agent bot's secret over {@code timestamp + "." + raw body}.
 */
public final class SignatureVerifier {
  /** Timestamps further than this from our clock, either way, are refused (replay protection). */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private static final String PREFIX = "sha256=";

  /** Why a request was accepted or refused; only {@link #VALID} is accepted. */
  public enum Verdict {
    VALID,
    UNSIGNED,
    MALFORMED,
    MISMATCH,
    STALE
  }

  private final byte[] secret;
  private final Clock clock;

  public SignatureVerifier(String secret, Clock clock) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("the webhook secret must not be blank");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  public Verdict verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
      return Verdict.UNSIGNED;
    }
    String ts = timestamp.trim();
    if (!ts.matches("\\d{1,12}") || !signature.trim().startsWith(PREFIX)) {
      return Verdict.MALFORMED;
    }
    byte[] expected = sign(secret, ts, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    // Constant time, so response timing does not leak how much of a forged signature was right.
    if (!MessageDigest.isEqual(expected, given)) {
      return Verdict.MISMATCH;
    }
    long age = clock.instant().getEpochSecond() - Long.parseLong(ts);
    return Math.abs(age) > WINDOW.toSeconds() ? Verdict.STALE : Verdict.VALID;
  }

  /** The header value Chatwoot sends for this timestamp and body. */
  public static String sign(String secret, String timestamp, byte[] body) {
    return sign(secret.getBytes(StandardCharsets.UTF_8), timestamp, body);
  }

  private static String sign(byte[] key, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
