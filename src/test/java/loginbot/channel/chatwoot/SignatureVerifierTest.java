package loginbot.channel.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import loginbot.MutableClock;
import loginbot.channel.chatwoot.SignatureVerifier.Verdict;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
  private static final String SECRET = "cw-secret";
  private static final String TS = "1776413703";
  private static final byte[] BODY =
      "{\"event\":\"message_created\"}".getBytes(StandardCharsets.UTF_8);

  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1776413703L));
  private final SignatureVerifier verifier = new SignatureVerifier(SECRET, clock);

  @Test
  void signature_matches_an_independently_computed_hmac_of_timestamp_dot_body() {
    // given: computed with Python's hmac module, as Chatwoot's Ruby OpenSSL::HMAC does
    String expected = "sha256=828c25e8599ef7418ce8af63ebaef6f11313c97399093eff3e1b10b5679b738b";

    // when
    String signed = SignatureVerifier.sign(SECRET, TS, BODY);

    // then
    assertThat(signed).isEqualTo(expected);
    assertThat(verifier.verify(TS, expected, BODY)).isEqualTo(Verdict.VALID);
  }

  @Test
  void missing_timestamp_or_signature_is_unsigned() {
    assertThat(verifier.verify(null, null, BODY)).isEqualTo(Verdict.UNSIGNED);
    assertThat(verifier.verify(TS, null, BODY)).isEqualTo(Verdict.UNSIGNED);
    assertThat(verifier.verify(" ", SignatureVerifier.sign(SECRET, TS, BODY), BODY))
        .isEqualTo(Verdict.UNSIGNED);
  }

  @Test
  void signature_over_another_body_or_with_another_secret_is_a_mismatch() {
    byte[] tampered = "{\"event\":\"message_created\" }".getBytes(StandardCharsets.UTF_8);

    assertThat(verifier.verify(TS, SignatureVerifier.sign(SECRET, TS, BODY), tampered))
        .isEqualTo(Verdict.MISMATCH);
    assertThat(verifier.verify(TS, SignatureVerifier.sign("other", TS, BODY), BODY))
        .isEqualTo(Verdict.MISMATCH);
    assertThat(verifier.verify("1776413704", SignatureVerifier.sign(SECRET, TS, BODY), BODY))
        .isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void timestamps_outside_five_minutes_either_way_are_stale() {
    String oldTs = Long.toString(clock.instant().minus(Duration.ofSeconds(301)).getEpochSecond());
    String futureTs = Long.toString(clock.instant().plus(Duration.ofSeconds(301)).getEpochSecond());
    String edgeTs = Long.toString(clock.instant().minus(Duration.ofSeconds(300)).getEpochSecond());

    assertThat(verifier.verify(oldTs, SignatureVerifier.sign(SECRET, oldTs, BODY), BODY))
        .isEqualTo(Verdict.STALE);
    assertThat(verifier.verify(futureTs, SignatureVerifier.sign(SECRET, futureTs, BODY), BODY))
        .isEqualTo(Verdict.STALE);
    assertThat(verifier.verify(edgeTs, SignatureVerifier.sign(SECRET, edgeTs, BODY), BODY))
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void non_numeric_timestamp_or_unknown_scheme_is_malformed() {
    assertThat(verifier.verify("yesterday", SignatureVerifier.sign(SECRET, TS, BODY), BODY))
        .isEqualTo(Verdict.MALFORMED);
    assertThat(verifier.verify(TS, "sha1=abc", BODY)).isEqualTo(Verdict.MALFORMED);
  }

  @Test
  void uppercase_hex_is_accepted() {
    String upper = "sha256=" + SignatureVerifier.sign(SECRET, TS, BODY).substring(7).toUpperCase();

    assertThat(verifier.verify(TS, upper, BODY)).isEqualTo(Verdict.VALID);
  }

  @Test
  void blank_secret_is_refused_at_construction() {
    assertThatThrownBy(() -> new SignatureVerifier(" ", clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
