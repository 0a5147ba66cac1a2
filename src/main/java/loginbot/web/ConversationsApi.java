package loginbot.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ConflictResponse;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.List;
import loginbot.channel.ConversationService;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.Status;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;
import loginbot.store.TranscriptEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' HTTP API: the handoff queue, a conversation with its packet and transcript, reply,
 * hand back, close, delete.
 */
public final class ConversationsApi implements Routes {
  private static final Logger audit = LoggerFactory.getLogger("loginbot.audit");
  static final int MAX_REPLY_CHARS = 4000;

  private final ConversationService conversations;
  private final ConversationStore store;
  private final AgentAuth auth;
  private final Requests requests;

  public ConversationsApi(
      ConversationService conversations, ConversationStore store, AgentAuth auth) {
    this(conversations, store, auth, new Requests(Json.newMapper()));
  }

  public ConversationsApi(
      ConversationService conversations,
      ConversationStore store,
      AgentAuth auth,
      Requests requests) {
    this.conversations = conversations;
    this.store = store;
    this.auth = auth;
    this.requests = requests;
  }

  /** Who the bearer token belongs to, so the console can greet the agent. */
  public record Agent(String name) {}

  /** The conversation as an agent sees it. */
  public record ConversationView(
      String id,
      String channel,
      String status,
      String role,
      String language,
      boolean resolved,
      String caseId,
      HandoffPacket handoff,
      List<TranscriptEntry> transcript,
      Instant createdAt,
      Instant updatedAt) {

    static ConversationView of(ConversationRecord c, List<TranscriptEntry> transcript) {
      var s = c.state();
      return new ConversationView(
          c.id(),
          c.channel(),
          s.status().code(),
          s.role() == null ? null : s.role().code(),
          s.language() == null ? null : s.language().code(),
          s.resolved(),
          s.caseId(),
          c.handoff().orElse(null),
          transcript,
          c.createdAt(),
          c.updatedAt());
    }
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/api/me", ctx -> ctx.json(new Agent(auth.require(ctx))));
    routes.get(
        "/api/conversations",
        ctx -> {
          auth.require(ctx);
          ctx.json(
              store.handoffQueue().stream().map(c -> ConversationView.of(c, List.of())).toList());
        });
    routes.get(
        "/api/conversations/{id}",
        ctx -> {
          auth.require(ctx);
          ctx.json(view(ctx.pathParam("id")));
        });
    routes.post(
        "/api/conversations/{id}/messages",
        ctx -> {
          String agent = auth.require(ctx);
          String id = ctx.pathParam("id");
          String text = Requests.requiredText(requests.object(ctx), "text", MAX_REPLY_CHARS);
          requireWithAgent(id);
          conversations.agentReply(id, agent, text);
          ctx.status(201).json(view(id));
        });
    routes.post(
        "/api/conversations/{id}/handback",
        ctx -> {
          conversations.handBack(ctx.pathParam("id"), auth.require(ctx));
          ctx.json(view(ctx.pathParam("id")));
        });
    routes.post(
        "/api/conversations/{id}/close",
        ctx -> {
          conversations.close(ctx.pathParam("id"), auth.require(ctx));
          ctx.json(view(ctx.pathParam("id")));
        });
    routes.delete(
        "/api/conversations/{id}",
        ctx -> {
          String agent = auth.require(ctx);
          if (!store.delete(ctx.pathParam("id"))) {
            throw new NotFoundResponse("no conversation " + ctx.pathParam("id"));
          }
          audit.info("agent={} deleted conversation={}", agent, ctx.pathParam("id"));
          ctx.status(204);
        });
  }

  /** Replies go only to conversations a human owns; the bot would talk over an agent otherwise. */
  private void requireWithAgent(String id) {
    ConversationRecord c =
        store.find(id).orElseThrow(() -> new NotFoundResponse("no conversation " + id));
    if (c.state().status() != Status.HANDOFF) {
      throw new ConflictResponse(
          "conversation "
              + id
              + " is "
              + c.state().status().code()
              + "; agents reply only to handed-off conversations");
    }
  }

  private ConversationView view(String id) {
    ConversationRecord c =
        store.find(id).orElseThrow(() -> new NotFoundResponse("no conversation " + id));
    return ConversationView.of(c, store.transcript(id, 0));
  }
}
