package loginbot.channel.widget;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.sse.SseHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.channel.InboundMessage;
import loginbot.channel.TurnOutcome;
import loginbot.channel.Visitor;
import loginbot.dialogue.Action;
import loginbot.dialogue.Role;
import loginbot.dialogue.Status;
import loginbot.dialogue.content.UiStrings;
import loginbot.nlu.Language;
import loginbot.store.TranscriptEntry;
import loginbot.web.ClasspathAssets;
import loginbot.web.Requests;
import loginbot.web.Routes;
import loginbot.web.ScriptData;

/**
 * The project's own chat widget: the script any page embeds, the demo help page at {@code /}, and
 * the endpoints the widget talks to. Every conversation endpoint needs the conversation's token, so
 * a widget reads and writes only the conversation it created.
 */
public final class WidgetChannel implements Routes, AutoCloseable {
  public static final String CHANNEL = "widget";
  static final int MAX_TEXT_CHARS = 4000;
  static final int MAX_ID_CHARS = 100;
  static final String CONVERSATION = "/widget/conversations/{id}";

  private final WidgetParts parts;
  private final Requests requests;
  private final WidgetAccess access;
  private final StreamTickets tickets;
  private final WidgetStatuses statuses;
  private final WidgetCors cors;
  private final EventStreams streams;
  private final WidgetUploads uploads;
  private final WidgetSettings settings;
  private final ClasspathAssets assets;

  public WidgetChannel(
      loginbot.channel.ConversationService conversations,
      loginbot.store.ConversationStore store,
      Requests requests,
      WidgetSettings settings) {
    this(WidgetParts.defaults(conversations, store, Admission.OPEN), requests, settings);
  }

  /**
   * @param admission called first on every widget request; rate limiting plugs in here
   */
  public WidgetChannel(
      loginbot.channel.ConversationService conversations,
      loginbot.store.ConversationStore store,
      Requests requests,
      WidgetSettings settings,
      Admission admission) {
    this(WidgetParts.defaults(conversations, store, admission), requests, settings);
  }

  public WidgetChannel(WidgetParts parts, Requests requests, WidgetSettings settings) {
    this.parts = parts;
    this.requests = requests;
    this.access =
        new WidgetAccess(
            settings.key(), parts.sessions(), parts.store(), parts.clock(), settings.tokenIdle());
    this.tickets = new StreamTickets(settings.key(), parts.clock(), settings.ticketLifetime());
    this.statuses =
        new WidgetStatuses(
            parts.store(), parts.sessions(), parts.hours(), parts.queue(), parts.clock());
    this.cors = new WidgetCors(settings.allowedOrigins());
    this.streams = new EventStreams(parts.store(), statuses, settings);
    this.uploads = new WidgetUploads(parts, this::lines);
    this.settings = settings;
    // The strings of every language go into the one script: the widget renders with no request
    // more, and switches language mid-conversation (the bot answers in the user's).
    this.assets =
        new ClasspathAssets(
            Map.of(
                "/", "public/index.html",
                "/widget.js", "public/markdown.js public/widget.js",
                "/widget.css", "public/widget.css",
                "/demo.css", "public/demo.css",
                "/favicon.svg", "public/favicon.svg"),
            Map.of("/widget.js", ScriptData.inject("ui", parts.ui().section(UiStrings.WIDGET))));
    streams.every(java.time.Duration.ofHours(1), access::purge);
  }

  /** Answer to {@code POST /widget/conversations}. */
  public record Created(String id, String token) {}

  /** Answer to reading: the status, the visible lines after {@code after}, and the live state. */
  public record Lines(String status, long lastSeq, List<WidgetLine> lines, WidgetStatus live) {}

  /**
   * Answer to sending a message: the bot's replies, and the lines to show (the user's own
   * included).
   */
  public record Sent(
      String status,
      boolean duplicate,
      List<Action.Reply> replies,
      long lastSeq,
      List<WidgetLine> lines,
      WidgetStatus live) {

    static Sent of(TurnOutcome outcome, Lines lines) {
      return new Sent(
          lines.status(),
          outcome.duplicate(),
          outcome.replies(),
          lines.lastSeq(),
          lines.lines(),
          lines.live());
    }
  }

  /** A ticket that opens the event stream once, within {@code expiresInSeconds}. */
  public record Ticket(String ticket, long expiresInSeconds) {}

  /** What the widget shows before anyone writes, and whether people answer now. */
  public record Greeting(
      String text, List<loginbot.dialogue.Button> buttons, WidgetStatus.Support support) {}

  @Override
  public void addTo(RoutesConfig routes) {
    assets.addTo(routes);
    routes.before("/widget/*", cors::apply);
    routes.options("/widget/*", ctx -> ctx.status(204));
    routes.post("/widget/conversations", this::create);
    routes.get("/widget/welcome", this::welcome);
    routes.get(CONVERSATION + "/messages", this::read);
    routes.post(CONVERSATION + "/messages", this::send);
    routes.post(
        CONVERSATION + "/attachments",
        ctx -> {
          WidgetAccess.Opened opened = owned(ctx, true);
          uploads.upload(ctx, opened.id());
          access.begun(opened);
        });
    routes.get(
        CONVERSATION + "/attachments/{attachment}",
        ctx -> uploads.serve(ctx, owned(ctx, false).id()));
    routes.post(CONVERSATION + "/leave", this::leave);
    routes.post(CONVERSATION + "/tickets", this::ticket);
    routes.get(CONVERSATION + "/events", this::events);
  }

  private void create(Context ctx) {
    parts.admission().admit(ctx, Admission.Kind.CREATE, null);
    WidgetTokens.Issued issued = access.issue();
    ctx.status(201).json(new Created(issued.id(), issued.token()));
  }

  private void welcome(Context ctx) {
    Optional<Role> role = Optional.ofNullable(ctx.queryParam("role")).flatMap(Role::fromCode);
    Language language =
        Optional.ofNullable(ctx.queryParam("lang")).flatMap(Language::fromCode).orElse(Language.EN);
    Action.Reply greeting = parts.welcome().greeting(role, language);
    ctx.header("Cache-Control", "no-cache")
        .json(
            new Greeting(
                greeting.text(), greeting.buttons(), statuses.support(parts.clock().instant())));
  }

  private void read(Context ctx) {
    String id = owned(ctx, false).id();
    long after = after(ctx.queryParam("after"));
    ctx.header("Cache-Control", "no-store").json(lines(id, after));
  }

  /**
   * One store turn answers the message: its result carries the lines and the status, so nothing is
   * read back unless the widget is behind (it missed lines an agent wrote, or this is a retry).
   */
  private void send(Context ctx) {
    WidgetAccess.Opened opened = owned(ctx, true);
    String id = opened.id();
    long after = after(ctx.queryParam("after"));
    JsonNode body = requests.object(ctx);
    InboundMessage message = parse(id, body, Contact.read(body, ctx, settings.allowedOrigins()));
    TurnOutcome outcome = parts.conversations().handle(message);
    access.begun(opened);
    List<TranscriptEntry> entries = outcome.lines();
    long first = entries.isEmpty() ? outcome.lastSeq() + 1 : entries.get(0).seq();
    if (outcome.duplicate() || first > after + 1) {
      List<TranscriptEntry> missed = parts.store().transcript(id, after);
      if (!outcome.duplicate()) {
        missed = missed.stream().filter(e -> e.seq() < first).toList();
        missed = concat(missed, entries);
      }
      entries = missed;
      seen(id, entries);
    }
    long last = entries.isEmpty() ? after : entries.get(entries.size() - 1).seq();
    ctx.header("Cache-Control", "no-store")
        .json(
            new Sent(
                outcome.status().code(),
                outcome.duplicate(),
                outcome.replies(),
                last,
                WidgetLine.visible(entries),
                statuses.status(id).orElse(null)));
  }

  private static List<TranscriptEntry> concat(List<TranscriptEntry> a, List<TranscriptEntry> b) {
    List<TranscriptEntry> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** The user was shown these lines: an agent's answer among them need not be e-mailed. */
  private void seen(String id, List<TranscriptEntry> shown) {
    if (shown.stream().anyMatch(e -> e.author() == TranscriptEntry.Author.AGENT)) {
      parts.store().markSeen(id, shown.get(shown.size() - 1).seq());
    }
  }

  /** "I found it myself": the service refuses it (409) once a person has answered. */
  private void leave(Context ctx) {
    String id = owned(ctx, false).id();
    long after = after(ctx.queryParam("after"));
    TurnOutcome outcome = parts.conversations().leaveQueue(id);
    ctx.header("Cache-Control", "no-store").json(Sent.of(outcome, lines(id, after)));
  }

  private void ticket(Context ctx) {
    String id = owned(ctx, false).id();
    ctx.header("Cache-Control", "no-store")
        .json(new Ticket(tickets.issue(id), tickets.lifetimeSeconds()));
  }

  private void events(Context ctx) throws Exception {
    // EventSource cannot set headers: the URL carries a one-minute, single-use ticket, not the
    // token.
    String id = ctx.pathParam("id");
    if (!tickets.redeem(id, ctx.queryParam("ticket"))) {
      throw new UnauthorizedResponse(
          "a fresh stream ticket is required (POST " + "/widget/conversations/{id}/tickets)");
    }
    access.alive(id);
    parts.admission().admit(ctx, Admission.Kind.STREAM, id);
    if (!"text/event-stream".equals(ctx.header("Accept"))) {
      throw new HttpResponseException(
          406, "this endpoint streams events: send 'Accept: text/event-stream'");
    }
    long after = Math.max(after(ctx.queryParam("after")), after(ctx.header("Last-Event-ID")));
    StreamSlots.Slot slot;
    try {
      slot = streams.reserve(id, parts.addressOf().apply(ctx));
    } catch (StreamSlots.RefusedException e) {
      boolean instance = e.refusal == StreamSlots.Refusal.INSTANCE_FULL;
      ctx.header("Retry-After", instance ? "10" : "30");
      throw new HttpResponseException(
          instance ? 503 : 429,
          instance
              ? "too many open event streams, retry shortly"
              : "too many open event streams for this "
                  + (e.refusal == StreamSlots.Refusal.CONVERSATION_FULL
                      ? "conversation"
                      : "address"));
    }
    try {
      new SseHandler(client -> streams.start(client, slot, after)).handle(ctx);
    } catch (Exception | Error e) {
      slot.release(); // the connection failed before the stream began
      throw e;
    }
  }

  /** The conversation when the token proves ownership and is still alive. */
  private WidgetAccess.Opened owned(Context ctx, boolean sending) {
    WidgetAccess.Opened opened =
        access.open(ctx.pathParam("id"), ctx.header(WidgetCors.TOKEN_HEADER));
    parts.admission().admit(ctx, sending ? Admission.Kind.SEND : Admission.Kind.READ, opened.id());
    return opened;
  }

  Lines lines(String id, long after) {
    List<TranscriptEntry> entries = parts.store().transcript(id, after);
    seen(id, entries);
    long last = entries.isEmpty() ? after : entries.get(entries.size() - 1).seq();
    WidgetStatus live = statuses.status(id).orElse(null);
    String status = live == null ? Status.BOT.code() : live.status();
    return new Lines(status, last, WidgetLine.visible(entries), live);
  }

  static InboundMessage parse(String id, JsonNode body, Visitor visitor) {
    String text = Requests.requiredText(body, "text", MAX_TEXT_CHARS);
    String messageId = Requests.optionalId(body, "clientMessageId", MAX_ID_CHARS).orElse(null);
    return new InboundMessage(
        CHANNEL,
        id,
        messageId,
        text,
        role(Requests.optionalText(body, "role", 40)),
        language(Requests.optionalText(body, "language", 20)),
        visitor,
        java.util.Map.of());
  }

  static Optional<Role> role(Optional<String> raw) {
    return raw.map(
        r ->
            Role.fromCode(r)
                .orElseThrow(
                    () -> new BadRequestResponse("'role' must be 'customer' or 'professional'")));
  }

  static Optional<Language> language(Optional<String> raw) {
    return raw.map(
        l ->
            Language.fromCode(l)
                .orElseThrow(() -> new BadRequestResponse("'language' must be 'en' or 'fr'")));
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
          "'after' must be a sequence number, got '" + WidgetAccess.abbreviate(raw) + "'");
    }
  }

  /** Forgets widget tokens unused for longer than the idle period; returns how many. */
  public int purgeIdleTokens() {
    return access.purge();
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
