package loginbot.dialogue.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * What a Yes or a No to a step's question does: where it leads and the facts it records. In a
 * content file either a bare target ({@code no: handoff}) or {@code {go: ..., facts: {...}}}.
 */
public record Answer(String go, Map<String, String> facts) {

  public Answer {
    facts = facts == null ? Map.of() : Map.copyOf(facts);
  }

  @JsonCreator
  public static Answer of(
      @JsonProperty("go") String go, @JsonProperty("facts") Map<String, String> facts) {
    return new Answer(go, facts);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Answer to(String go) {
    return new Answer(go, Map.of());
  }

  /** The parsed target; only call after validation. */
  public Target target() {
    return Target.parse(go)
        .orElseThrow(() -> new IllegalStateException("invalid target '" + go + "'"));
  }
}
