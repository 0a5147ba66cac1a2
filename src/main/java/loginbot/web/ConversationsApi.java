package loginbot.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import loginbot.channel.ConversationService;
import loginbot.dialogue.HandoffPacket;
import loginbot.dialogue.RoleSource;
import loginbot.store.ConversationKey;
import loginbot.store.ConversationRecord;
import loginbot.store.ConversationStore;
import loginbot.store.Episode;
import loginbot.store.TranscriptEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' HTTP API: the handoff queue, a conversation with its episodes, packets and
 * transcript, reply, hand back, close, delete. Reply, hand back and close are decided inside the
 * conversation's turn; when its state forbids one, the answer is 409 with the reason and nothing
 * changes.
 */
public final class ConversationsApi implements Routes {
  private static final Logger audit = LoggerFactory.getLogger("loginbot.audit");
  static final int MAX_REPLY_CHARS = 4000;

  private final ConversationService conversations;
  private final ConversationStore store;
  private final AgentAuth auth;
  private final Requests requests;
  private final Optional<String> chatwootBase;

  public ConversationsApi(
      ConversationService conversations, ConversationStore store, AgentAuth auth) {
    this(conversations, store, auth, new Requests(Json.newMapper()), Optional.empty());
  }

  public ConversationsApi(
      ConversationService conversations,
      ConversationStore store,
      AgentAuth auth,
      Requests requests) {
    this(conversations, store, auth, requests, Optional.empty());
  }

  /** chatwootBase: CHATWOOT_BASE_URL, for links from a Chatwoot conversation to Chatwoot. */
  public ConversationsApi(
      ConversationService conversations,
      ConversationStore store,
      AgentAuth auth,
      Requests requests,
      Optional<String> chatwootBase) {
    this.conversations = conversations;
    this.store = store;
    this.auth = auth;
    this.requests = requests;
    this.chatwootBase = chatwootBase;
  }

  /** Who the bearer token belongs to, so the console can greet the agent. */
  public record Agent(String name) {}

  /**
   * The conversation as an agent sees it: the current episode's packet (kept after a hand-back),
   * every episode with its own packet and outcome, and the address an answer can be e-mailed to.
   *
   * @param episode the current episode's number
   * @param episodes every episode, oldest first; empty in the queue, which lists conversations
   * @param replyEmail where an answer goes when the user left; null when none is known
   * @param replyEmailSource {@code page} (given by the embedding page) or {@code user} (typed in)
   * @param roleSource "given by the page" (channel metadata) or "claimed by the user" (in a message
   *     or with a button) or "assumed by the bot…", in English; null when the role is unknown
   * @param roleSourceCode the same as a code ({@code page}, {@code user}, {@code assumed}), which
   *     the console words in the agent's language
   * @param assignee the agent handling it; null while nobody took it
   * @param context who the customer is and where they chat from, as the page and widget said
   */
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
      Instant updatedAt,
      int episode,
      List<EpisodeView> episodes,
      String replyEmail,
      String replyEmailSource,
      String roleSource,
      String roleSourceCode,
      String assignee,
      CustomerContext context) {

    static ConversationView of(
        ConversationRecord c, List<TranscriptEntry> transcript, List<Episode> episodes) {
      return of(c, transcript, episodes, Optional.empty());
    }

    static ConversationView of(
        ConversationRecord c,
        List<TranscriptEntry> transcript,
        List<Episode> episodes,
        Optional<String> chatwootBase) {
      var s = c.state();
      return new ConversationView(
          c.id(),
          c.channel(),
          s.status().code(),
          s.role() == null ? null : s.role().code(),
          s.language() == null ? null : s.language().code(),
          s.resolved(),
          s.caseId() != null ? s.caseId() : c.episode().caseId(),
          c.handoff().orElse(null),
          transcript,
          c.createdAt(),
          c.updatedAt(),
          c.episode().number(),
          episodes.stream().map(EpisodeView::of).toList(),
          c.reader().email(),
          c.reader().emailSource(),
          s.role() == null ? null : RoleSource.describe(s.facts()).orElse(null),
          s.role() == null ? null : s.facts().get(RoleSource.FACT),
          c.assignee(),
          CustomerContext.of(c, chatwootBase));
    }
  }

  /**
   * One episode: from its first message until the user started over.
   *
   * @param outcome {@code resolved}, {@code handed_off}, {@code closed_by_agent}, {@code
   *     abandoned}, or null while the bot is still on it
   * @param firstSeq the first transcript line of the episode
   */
  public record EpisodeView(
      int number,
      Instant startedAt,
      Instant endedAt,
      String outcome,
      String role,
      String language,
      String caseId,
      boolean resolved,
      List<HandoffPacket.StepTried> steps,
      HandoffPacket handoff,
      Instant firstHumanReplyAt,
      String agent,
      Boolean helpful,
      Integer rating,
      long firstSeq) {

    static EpisodeView of(Episode e) {
      return new EpisodeView(
          e.number(),
          e.startedAt(),
          e.endedAt(),
          e.outcome() == null ? null : e.outcome().code(),
          e.role() == null ? null : e.role().code(),
          e.language() == null ? null : e.language().code(),
          e.caseId(),
          e.resolved(),
          e.steps(),
          e.handoff(),
          e.firstHumanReplyAt(),
          e.agent(),
          e.helpful(),
          e.rating(),
          e.firstSeq());
    }
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/api/me", ctx -> ctx.json(new Agent(auth.require(ctx))));
    new QueueRoutes(store, auth).addTo(routes);
    routes.get(
        "/api/conversations/{id}",
        ctx -> {
          auth.require(ctx);
          ctx.json(view(resolve(ctx.pathParam("id"))));
        });
    routes.post(
        "/api/conversations/{id}/messages",
        ctx -> {
          String agent = auth.require(ctx);
          String id = resolve(ctx.pathParam("id"));
          var body = requests.object(ctx);
          String text = Requests.requiredText(body, "text", MAX_REPLY_CHARS);
          boolean takeOver = takeOver(ctx) || body.path("takeOver").asBoolean(false);
          // Decided inside the turn: 409 with the reason when the state forbids it.
          conversations.agentReply(id, agent, text, takeOver);
          ctx.status(201).json(view(id));
        });
    routes.post(
        "/api/conversations/{id}/handback",
        ctx -> {
          String agent = auth.require(ctx);
          String id = resolve(ctx.pathParam("id"));
          conversations.handBack(id, agent, takeOver(ctx));
          ctx.json(view(id));
        });
    routes.post(
        "/api/conversations/{id}/close",
        ctx -> {
          String agent = auth.require(ctx);
          String id = resolve(ctx.pathParam("id"));
          conversations.close(id, agent, takeOver(ctx));
          ctx.json(view(id));
        });
    routes.post(
        "/api/conversations/{id}/notes",
        ctx -> {
          String agent = auth.require(ctx);
          String id = resolve(ctx.pathParam("id"));
          String text = Requests.requiredText(requests.object(ctx), "text", MAX_REPLY_CHARS);
          conversations.note(id, agent, text);
          ctx.status(201).json(view(id));
        });
    routes.post(
        "/api/conversations/{id}/take",
        ctx -> {
          String agent = auth.require(ctx);
          String id = resolve(ctx.pathParam("id"));
          conversations.assign(id, agent, agent, takeOver(ctx));
          ctx.json(view(id));
        });
    routes.post(
        "/api/conversations/{id}/assign",
        ctx -> {
          String agent = auth.require(ctx);
          String id = resolve(ctx.pathParam("id"));
          var body = requests.object(ctx);
          String target =
              body.hasNonNull("agent") ? Requests.requiredText(body, "agent", 200) : null;
          if (target != null && !auth.names().contains(target)) {
            throw new io.javalin.http.BadRequestResponse(
                "no agent is called " + target + "; agents: " + String.join(", ", auth.names()));
          }
          conversations.assign(
              id, agent, target, takeOver(ctx) || body.path("takeOver").asBoolean(false));
          ctx.json(view(id));
        });
    routes.delete(
        "/api/conversations/{id}",
        ctx -> {
          String agent = auth.require(ctx);
          String id = resolve(ctx.pathParam("id"));
          if (!store.delete(id)) {
            throw new NotFoundResponse("no conversation " + id);
          }
          audit.info("agent={} deleted conversation={}", agent, id);
          ctx.status(204);
        });
  }

  /** {@code ?takeOver=true}: the agent knowingly acts on a conversation another agent handles. */
  private static boolean takeOver(io.javalin.http.Context ctx) {
    return "true".equalsIgnoreCase(ctx.queryParam("takeOver"));
  }

  /**
   * The stored id for a path id: the id itself, or else the REST conversation of that sender, so
   * tools that know a REST conversation by its {@code sender} keep working. A sender that is also
   * another conversation's id is reached as {@code rest:<sender>}.
   */
  private String resolve(String id) {
    if (store.find(id).isPresent()) {
      return id;
    }
    String rest = ConversationKey.rest(id).value();
    return store.find(rest).isPresent() ? rest : id;
  }

  private ConversationView view(String id) {
    ConversationRecord c =
        store.find(id).orElseThrow(() -> new NotFoundResponse("no conversation " + id));
    return ConversationView.of(c, store.transcript(id, 0), store.episodes(id), chatwootBase);
  }
}
