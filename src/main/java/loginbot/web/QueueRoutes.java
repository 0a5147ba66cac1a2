package loginbot.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import loginbot.store.ConversationPage;
import loginbot.store.ConversationStore;
import loginbot.store.HistoryQuery;
import loginbot.store.PageCursor;
import loginbot.store.QueueCounts;
import loginbot.store.QueueQuery;
import loginbot.web.ConversationsApi.ConversationView;

/**
 * The agents' lists, a page at a time: the handoff queue in three views (mine, unassigned, all;
 * oldest handoff first) and the history search over every conversation. Pages are bounded and
 * continue from an opaque cursor, so a long queue never travels whole.
 */
final class QueueRoutes implements Routes {
  static final int DEFAULT_PAGE = 25;
  static final int MAX_PAGE = 100;
  private static final Set<String> STATUSES = Set.of("bot", "handoff", "closed");
  private static final Set<String> ROLES = Set.of("customer", "professional");

  private final ConversationStore store;
  private final AgentAuth auth;

  QueueRoutes(ConversationStore store, AgentAuth auth) {
    this.store = store;
    this.auth = auth;
  }

  /** A page of the queue with the size of every view, for the tabs and the title. */
  record QueuePage(String view, List<ConversationView> items, String next, QueueCounts counts) {}

  /** A page of search results, each with its episodes and their packets. */
  record HistoryPage(List<ConversationView> items, String next) {}

  /** The agents a conversation can be assigned to. */
  record Agents(SortedSet<String> names) {}

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(
        "/api/conversations",
        ctx -> {
          // The queue as a plain array (older clients); the next page's cursor is a header.
          QueuePage page = queue(ctx, auth.require(ctx));
          if (page.next() != null) {
            ctx.header("X-Next-Cursor", page.next());
          }
          ctx.json(page.items());
        });
    routes.get("/api/queue", ctx -> ctx.json(queue(ctx, auth.require(ctx))));
    routes.get(
        "/api/agents",
        ctx -> {
          auth.require(ctx);
          ctx.json(new Agents(auth.names()));
        });
    routes.get(
        "/api/history",
        ctx -> {
          auth.require(ctx);
          ConversationPage page = store.history(historyQuery(ctx));
          ctx.json(
              new HistoryPage(
                  page.items().stream()
                      .map(c -> ConversationView.of(c, List.of(), store.episodes(c.id())))
                      .toList(),
                  page.next() == null ? null : page.next().encode()));
        });
  }

  private QueuePage queue(Context ctx, String agent) {
    QueueQuery.View view = view(ctx.queryParam("view"));
    ConversationPage page = store.queue(new QueueQuery(view, agent, cursor(ctx), limit(ctx)));
    return new QueuePage(
        view.code(),
        page.items().stream().map(c -> ConversationView.of(c, List.of(), List.of())).toList(),
        page.next() == null ? null : page.next().encode(),
        store.queueCounts(agent));
  }

  private static QueueQuery.View view(String value) {
    if (value == null || value.isEmpty()) {
      return QueueQuery.View.ALL;
    }
    try {
      return QueueQuery.View.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("view must be mine, unassigned or all, not " + value);
    }
  }

  static int limit(Context ctx) {
    String value = ctx.queryParam("limit");
    if (value == null || value.isEmpty()) {
      return DEFAULT_PAGE;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_PAGE) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestResponse("limit must be a whole number from 1 to " + MAX_PAGE);
  }

  private static PageCursor cursor(Context ctx) {
    String value = ctx.queryParam("cursor");
    if (value == null || value.isEmpty()) {
      return null;
    }
    return PageCursor.decode(value)
        .orElseThrow(() -> new BadRequestResponse("cursor is not one this server gave"));
  }

  private static HistoryQuery historyQuery(Context ctx) {
    String status = oneOf(ctx, "status", STATUSES);
    String role = oneOf(ctx, "role", ROLES);
    String language = param(ctx, "language");
    if (language != null && !language.matches("[a-z]{2,3}")) {
      throw new BadRequestResponse("language is a language code such as en or fr");
    }
    String caseId = param(ctx, "case");
    if (caseId != null && !caseId.matches("[a-z_]{1,60}")) {
      throw new BadRequestResponse("case is a case id such as forgot_password");
    }
    String text = param(ctx, "q");
    if (text != null && text.length() > 200) {
      throw new BadRequestResponse("q is at most 200 characters");
    }
    Instant from = day(ctx, "from");
    Instant to = day(ctx, "to");
    return new HistoryQuery(
        text,
        caseId,
        role,
        language,
        status,
        param(ctx, "agent"),
        from,
        // "to" names the last day included.
        to == null ? null : to.plusSeconds(86_400),
        cursor(ctx),
        limit(ctx));
  }

  private static String param(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String oneOf(Context ctx, String name, Set<String> allowed) {
    String value = param(ctx, name);
    if (value != null && !allowed.contains(value)) {
      throw new BadRequestResponse(
          name + " must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
    }
    return value;
  }

  private static Instant day(Context ctx, String name) {
    String value = param(ctx, name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestResponse(name + " must be a date such as 2026-03-05");
    }
  }
}
