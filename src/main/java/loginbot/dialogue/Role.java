package loginbot.dialogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who is typing: the answer to the same question differs between the two. */
public enum Role {
  CUSTOMER,
  PROFESSIONAL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.code().equals(wanted)).findFirst();
  }
}
