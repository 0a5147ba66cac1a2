package loginbot.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Role;
import loginbot.dialogue.content.CaseSpec;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.Step;
import loginbot.nlu.Language;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;

/**
 * {@code GET /api/conversations/{id}/replies}: the article's steps for the conversation's case,
 * role and language, as replies an agent can insert, each marked with what the bot already tried
 * and how the user answered. Without a known role, both roles' steps are offered.
 */
public final class ReadyReplies implements Routes {
  private final ConversationStore store;
  private final ContentCatalog content;
  private final AgentAuth auth;

  public ReadyReplies(ConversationStore store, ContentCatalog content, AgentAuth auth) {
    this.store = store;
    this.content = content;
    this.auth = auth;
  }

  /**
   * One ready reply.
   *
   * @param outcome how the user answered when the bot tried it; null if it did not
   */
  record Reply(String step, String role, String text, boolean tried, String outcome) {}

  /** The replies for one case, in the language they are written in. */
  record Replies(
      String caseId, String caseTitle, String role, String language, List<Reply> steps) {}

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(
        "/api/conversations/{id}/replies",
        ctx -> {
          auth.require(ctx);
          String id = ctx.pathParam("id");
          ConversationRecord c =
              store.find(id).orElseThrow(() -> new NotFoundResponse("no conversation " + id));
          ctx.json(of(c));
        });
  }

  Replies of(ConversationRecord c) {
    var s = c.state();
    Role role = s.role() != null ? s.role() : c.episode().role();
    Language language =
        s.language() != null
            ? s.language()
            : c.episode().language() != null ? c.episode().language() : Language.EN;
    String caseId = s.caseId() != null ? s.caseId() : c.episode().caseId();
    Optional<CaseSpec> spec = caseId == null ? Optional.empty() : content.find(caseId);
    if (spec.isEmpty()) {
      return new Replies(caseId, null, code(role), language.code(), List.of());
    }
    Map<String, String> tried = new java.util.HashMap<>();
    List<HandoffPacket.StepTried> steps =
        c.handoff().map(HandoffPacket::steps).orElse(List.of()).isEmpty()
            ? (s.steps().isEmpty() ? c.episode().steps() : s.steps())
            : c.handoff().get().steps();
    steps.forEach(t -> tried.put(t.step(), t.outcome()));
    List<Reply> replies = new ArrayList<>();
    for (Role r : role == null ? List.of(Role.CUSTOMER, Role.PROFESSIONAL) : List.of(role)) {
      for (Step step : spec.get().steps(r)) {
        if (step.kind() == Step.Kind.HANDOFF) {
          continue; // "a person will help": that is the agent now
        }
        // The dialogue records a step as "<case>/<step>".
        String key = spec.get().id() + "/" + step.id();
        boolean wasTried = tried.containsKey(key);
        replies.add(
            new Reply(
                step.id(),
                r.code(),
                step.text(language),
                wasTried,
                wasTried ? tried.get(key) : null));
      }
    }
    return new Replies(caseId, spec.get().title(language), code(role), language.code(), replies);
  }

  private static String code(Role role) {
    return role == null ? null : role.code();
  }
}
