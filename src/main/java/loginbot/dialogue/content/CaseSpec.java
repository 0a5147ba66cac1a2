package loginbot.dialogue.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.Role;
import loginbot.nlu.Language;

/**
 * One case of the article (one kind of login problem) with a flow of steps per role.
 *
 * @param title the button label that chooses this case, per language
 * @param intents the NLU intents that start this case
 * @param facts recorded when the case starts (e.g. the error message the user sees)
 * @param steps the steps for every role, when the article does not distinguish them
 * @param roles steps per role code ({@code customer}, {@code professional}), when it does
 */
public record CaseSpec(
    String id,
    Map<String, String> title,
    List<String> intents,
    Map<String, String> facts,
    List<Step> steps,
    Map<String, List<Step>> roles) {

  public CaseSpec {
    steps = steps == null ? List.of() : List.copyOf(steps);
    title = title == null ? Map.of() : Map.copyOf(title);
    intents = intents == null ? List.of() : List.copyOf(intents);
    facts = facts == null ? Map.of() : Map.copyOf(facts);
    roles = roles == null ? Map.of() : copyRoles(roles);
  }

  public String title(Language language) {
    return title.get(language.code());
  }

  public List<Step> steps(Role role) {
    return roles.isEmpty() ? steps : roles.getOrDefault(role.code(), List.of());
  }

  public Optional<Step> step(Role role, String stepId) {
    return steps(role).stream().filter(s -> s.id().equals(stepId)).findFirst();
  }

  /** Whether the bot must know the role before giving the first step. */
  public boolean differsByRole() {
    return !steps(Role.CUSTOMER).equals(steps(Role.PROFESSIONAL));
  }

  private static Map<String, List<Step>> copyRoles(Map<String, List<Step>> roles) {
    Map<String, List<Step>> copy = new LinkedHashMap<>();
    roles.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
