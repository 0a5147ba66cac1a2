package loginbot.web;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/** Checks an agent's bearer token and tells which agent it belongs to. */
public final class AgentAuth {
  private final Map<String, String> agentByToken;

  /**
   * @param agentByToken token → agent display name
   */
  public AgentAuth(Map<String, String> agentByToken) {
    if (agentByToken.isEmpty()) {
      throw new IllegalArgumentException("at least one agent token is required");
    }
    this.agentByToken = Map.copyOf(agentByToken);
  }

  /** The agent's name, or 401. */
  public String require(Context ctx) {
    String header = ctx.header("Authorization");
    String token =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).trim()
            : null;
    return agentFor(token)
        .orElseThrow(() -> new UnauthorizedResponse("a valid agent token is required"));
  }

  /** Every agent's name, sorted: whom a conversation can be assigned to. */
  public java.util.SortedSet<String> names() {
    return new java.util.TreeSet<>(agentByToken.values());
  }

  public Optional<String> agentFor(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    byte[] given = token.getBytes(StandardCharsets.UTF_8);
    String match = null;
    // Compare against every token in constant time so timing does not reveal a prefix.
    for (var entry : agentByToken.entrySet()) {
      if (MessageDigest.isEqual(given, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
        match = entry.getValue();
      }
    }
    return Optional.ofNullable(match);
  }
}
