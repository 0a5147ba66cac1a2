package loginbot.channel.widget;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.sse.SseHandler;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.channel.ConversationService;
import loginbot.channel.InboundMessage;
import loginbot.channel.TurnOutcome;
import loginbot.dialogue.Action;
import loginbot.dialogue.Role;
import loginbot.dialogue.Status;
import loginbot.nlu.Language;
import loginbot.store.ConversationStore;
import loginbot.store.TranscriptEntry;
import loginbot.web.ClasspathAssets;
import loginbot.web.Requests;
import loginbot.web.Routes;

/**
 * The project's own chat widget: the script any page embeds, the demo help page at {@code /}, and
 * the endpoints the widget talks to. Every conversation endpoint needs the conversation's token, so
 * a widget reads and writes only the conversation it created.
 */
public final class WidgetChannel implements Routes, AutoCloseable {
  static final int MAX_TEXT_CHARS = 4000;
  static final int MAX_ID_CHARS = 100;
  static final String CONVERSATION = "/widget/conversations/{id}";

  private final ConversationService conversations;
  private final ConversationStore store;
  private final Requests requests;
  private final WidgetTokens tokens;
  private final WidgetCors cors;
  private final EventStreams streams;
  private final Admission admission;
  private final ClasspathAssets assets =
      new ClasspathAssets(
          Map.of(
              "/", "public/index.html",
              "/widget.js", "public/widget.js",
              "/widget.css", "public/widget.css",
              "/demo.css", "public/demo.css",
              "/favicon.svg", "public/favicon.svg"));

  public WidgetChannel(
      ConversationService conversations,
      ConversationStore store,
      Requests requests,
      WidgetSettings settings) {
    this(conversations, store, requests, settings, Admission.OPEN);
  }

  /**
   * @param admission called first on every widget request; rate limiting plugs in here
   */
  public WidgetChannel(
      ConversationService conversations,
      ConversationStore store,
      Requests requests,
      WidgetSettings settings,
      Admission admission) {
    this.conversations = conversations;
    this.store = store;
    this.requests = requests;
    this.tokens = new WidgetTokens(settings.key(), new SecureRandom());
    this.cors = new WidgetCors(settings.allowedOrigins());
    this.streams = new EventStreams(store, settings);
    this.admission = admission;
  }

  /** Answer to {@code POST /widget/conversations}. */
  public record Created(String id, String token) {}

  /** Answer to reading or sending: the status and the visible lines after {@code after}. */
  public record Lines(String status, long lastSeq, List<WidgetLine> lines) {}

  /**
   * Answer to sending a message: the bot's replies, and the lines to show (the user's own
   * included).
   */
  public record Sent(
      String status,
      boolean duplicate,
      List<Action.Reply> replies,
      long lastSeq,
      List<WidgetLine> lines) {}

  @Override
  public void addTo(RoutesConfig routes) {
    assets.addTo(routes);
    routes.before("/widget/*", cors::apply);
    routes.options("/widget/*", ctx -> ctx.status(204));
    routes.post("/widget/conversations", this::create);
    routes.get(CONVERSATION + "/messages", this::read);
    routes.post(CONVERSATION + "/messages", this::send);
    routes.get(CONVERSATION + "/events", this::events);
  }

  private void create(Context ctx) {
    admission.admit(ctx, Admission.Kind.CREATE, null);
    WidgetTokens.Issued issued = tokens.mint();
    ctx.status(201).json(new Created(issued.id(), issued.token()));
  }

  private void read(Context ctx) {
    String id = owned(ctx, ctx.header(WidgetCors.TOKEN_HEADER), Admission.Kind.READ);
    long after = after(ctx.queryParam("after"));
    ctx.header("Cache-Control", "no-store").json(lines(id, after));
  }

  private void send(Context ctx) {
    String id = owned(ctx, ctx.header(WidgetCors.TOKEN_HEADER), Admission.Kind.SEND);
    long after = after(ctx.queryParam("after"));
    JsonNode body = requests.object(ctx);
    InboundMessage message = parse(id, body);
    Optional<String> contact = Contact.describe(body);
    boolean isNew = conversations.find(id).isEmpty();
    TurnOutcome outcome = conversations.handle(message);
    if (isNew && !outcome.duplicate() && contact.isPresent()) {
      conversations.note(id, "widget", contact.get());
    }
    Lines lines = lines(id, after);
    ctx.header("Cache-Control", "no-store")
        .json(
            new Sent(
                lines.status(),
                outcome.duplicate(),
                outcome.replies(),
                lines.lastSeq(),
                lines.lines()));
  }

  private void events(Context ctx) throws Exception {
    // EventSource cannot set headers, so this one endpoint takes the token as a query parameter.
    String id = owned(ctx, ctx.queryParam("token"), Admission.Kind.STREAM);
    if (!"text/event-stream".equals(ctx.header("Accept"))) {
      throw new HttpResponseException(
          406, "this endpoint streams events: send 'Accept: text/event-stream'");
    }
    long after = Math.max(after(ctx.queryParam("after")), after(ctx.header("Last-Event-ID")));
    if (!streams.reserve()) {
      ctx.header("Retry-After", "10");
      throw new HttpResponseException(503, "too many open event streams, retry shortly");
    }
    new SseHandler(client -> streams.start(client, id, after)).handle(ctx);
  }

  /**
   * The conversation id when the token proves ownership; 401 without a token, 403 with a wrong one.
   */
  private String owned(Context ctx, String token, Admission.Kind kind) {
    String id = ctx.pathParam("id");
    if (token == null || token.isBlank()) {
      throw new UnauthorizedResponse("this conversation's token is required");
    }
    if (!tokens.verify(id, token.trim())) {
      throw new ForbiddenResponse("this token does not open conversation " + abbreviate(id));
    }
    admission.admit(ctx, kind, id);
    return id;
  }

  private Lines lines(String id, long after) {
    List<TranscriptEntry> entries = store.transcript(id, after);
    long last = entries.isEmpty() ? after : entries.get(entries.size() - 1).seq();
    Status status = conversations.find(id).map(c -> c.state().status()).orElse(Status.BOT);
    return new Lines(status.code(), last, WidgetLine.visible(entries));
  }

  static InboundMessage parse(String id, JsonNode body) {
    String text = Requests.requiredText(body, "text", MAX_TEXT_CHARS);
    Optional<Role> role =
        Requests.optionalText(body, "role", 40)
            .map(
                r ->
                    Role.fromCode(r)
                        .orElseThrow(
                            () ->
                                new BadRequestResponse(
                                    "'role' must be 'customer' or 'professional'")));
    Optional<Language> language =
        Requests.optionalText(body, "language", 20)
            .map(
                l ->
                    Language.fromCode(l)
                        .orElseThrow(
                            () -> new BadRequestResponse("'language' must be 'en' or 'fr'")));
    String messageId = Requests.optionalId(body, "clientMessageId", MAX_ID_CHARS).orElse(null);
    return new InboundMessage("widget", id, messageId, text, role, language);
  }

  static long after(String raw) {
    if (raw == null || raw.isBlank()) {
      return 0;
    }
    try {
      long value = Long.parseLong(raw.trim());
      if (value < 0) {
        throw new BadRequestResponse("'after' must not be negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new BadRequestResponse(
          "'after' must be a sequence number, got '" + abbreviate(raw) + "'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  /** Event streams open on this instance. */
  public int openStreams() {
    return streams.openStreams();
  }

  /** The server is stopping: end the event streams now, while their requests are still alive. */
  @Override
  public void stopping() {
    streams.close();
  }

  /** Ends the open event streams and their poller; {@code Javalin.stop()} already does this. */
  @Override
  public void close() {
    streams.close();
  }
}
