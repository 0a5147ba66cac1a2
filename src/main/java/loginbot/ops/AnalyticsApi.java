package loginbot.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import loginbot.nlu.Intent;
import loginbot.ops.AnalyticsReport.NotUnderstood;
import loginbot.web.AgentAuth;
import loginbot.web.ClasspathAssets;
import loginbot.web.Routes;

/**
 * Analytics for agents: the page {@code /agent/analytics} (static; its data comes from the API with
 * the agent's token), {@code GET /api/analytics?from=&to=} as JSON, and {@code GET
 * /api/analytics/not-understood.tsv}, the messages the bot did not understand as {@code
 * label<TAB>text} lines to label and add to {@code intents/}. {@code from}/{@code to} are ISO
 * instants or dates (midnight UTC); the default period is the last 7 days.
 */
public final class AnalyticsApi implements Routes {
  static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

  private final Analytics analytics;
  private final AgentAuth auth;
  private final Clock clock;
  private final ClasspathAssets page =
      new ClasspathAssets(
          Map.of(
              "/agent/analytics", "public/analytics.html",
              "/analytics.js", "public/analytics.js",
              "/analytics-charts.js", "public/analytics-charts.js",
              "/analytics.css", "public/analytics.css"));

  public AnalyticsApi(Analytics analytics, AgentAuth auth, Clock clock) {
    this.analytics = analytics;
    this.auth = auth;
    this.clock = clock;
  }

  /** A period as the query asked for it. */
  record Period(Instant from, Instant to) {}

  @Override
  public void addTo(RoutesConfig routes) {
    page.addTo(routes);
    routes.get(
        "/api/analytics",
        ctx -> {
          auth.require(ctx);
          Period p = period(ctx);
          ctx.header("Cache-Control", "no-store").json(analytics.report(p.from(), p.to()));
        });
    routes.get(
        "/api/analytics/not-understood.tsv",
        ctx -> {
          auth.require(ctx);
          Period p = period(ctx);
          String label = label(ctx.queryParam("label"));
          String file =
              "not-understood-"
                  + p.from().toString().substring(0, 10)
                  + "-"
                  + p.to().toString().substring(0, 10)
                  + ".tsv";
          ctx.header("Cache-Control", "no-store")
              .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
              .contentType("text/tab-separated-values; charset=utf-8")
              .result(tsv(analytics.notUnderstood(p.from(), p.to()), label));
        });
  }

  /**
   * One {@code label<TAB>text} line per distinct message; tabs and line breaks in the text become
   * spaces, and a text a spreadsheet would run as a formula is prefixed with an apostrophe.
   */
  static String tsv(List<NotUnderstood> messages, String label) {
    StringBuilder out = new StringBuilder();
    for (NotUnderstood m : messages) {
      out.append(label)
          .append('\t')
          .append(inert(m.text().replaceAll("[\\t\\r\\n\\u2028\\u2029]+", " ").strip()))
          .append('\n');
    }
    return out.toString();
  }

  /**
   * OWASP's advice against CSV injection: a cell starting with {@code = + - @}, a tab or a carriage
   * return becomes a formula in Excel, LibreOffice or Google Sheets; a leading apostrophe keeps it
   * text. (The apostrophe is folded away with other quotes when the line is used for training.)
   */
  static String inert(String cell) {
    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }

  /** The placeholder label: {@code out_of_scope} unless the request names another (or empty). */
  static String label(String raw) {
    if (raw == null) {
      return Intent.OUT_OF_SCOPE.label();
    }
    if (raw.isEmpty() || Intent.fromLabel(raw).isPresent()) {
      return raw;
    }
    throw new BadRequestResponse(
        "'label' must be empty or an intent label (lowercase letters, digits and _) such as out_of_scope");
  }

  Period period(Context ctx) {
    Instant to = instant(ctx.queryParam("to"), "to");
    Instant from = instant(ctx.queryParam("from"), "from");
    if (to == null) {
      to = clock.instant();
    }
    if (from == null) {
      from = to.minus(DEFAULT_PERIOD);
    }
    try {
      Analytics.validate(from, to);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    return new Period(from, to);
  }

  private static Instant instant(String raw, String name) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.trim();
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequestResponse(
          "'" + name + "' must be a date (2026-01-31) or an instant (2026-01-31T00:00:00Z)");
    }
  }
}
