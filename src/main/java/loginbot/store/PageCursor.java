package loginbot.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of conversations ends: the sort time and id of its last row. A client gets it as an
 * opaque string and sends it back for the next page; rows added or changed meanwhile never make a
 * page repeat or skip a row that did not move.
 */
public record PageCursor(Instant at, String id) {

  /** The cursor as a URL-safe opaque string. */
  public String encode() {
    String plain = at.toString() + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** A cursor from {@link #encode()}; empty when the text is not one. */
  public static Optional<PageCursor> decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int bar = plain.indexOf('|');
      if (bar < 0) {
        return Optional.empty();
      }
      return Optional.of(
          new PageCursor(Instant.parse(plain.substring(0, bar)), plain.substring(bar + 1)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
