package loginbot.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.regex.Pattern;
import loginbot.store.CannedReplies;

/**
 * The team's canned replies, for signed-in agents: {@code GET /api/canned-replies} lists them,
 * {@code POST} saves one ({@code {shortcut, text}}; 409 when the shortcut is taken), {@code DELETE
 * /api/canned-replies/{shortcut}} removes one.
 */
public final class CannedRepliesApi implements Routes {
  static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  private final AgentAuth auth;
  private final CannedReplies replies;
  private final Requests requests;
  private final Clock clock;

  public CannedRepliesApi(AgentAuth auth, CannedReplies replies, Requests requests, Clock clock) {
    this.auth = auth;
    this.replies = replies;
    this.requests = requests;
    this.clock = clock;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(
        "/api/canned-replies",
        ctx -> {
          auth.require(ctx);
          ctx.header("Cache-Control", "no-store").json(replies.list());
        });
    routes.post(
        "/api/canned-replies",
        ctx -> {
          String agent = auth.require(ctx);
          var body = requests.object(ctx);
          String shortcut = Requests.requiredText(body, "shortcut", 40).strip();
          if (!SHORTCUT.matcher(shortcut).matches()) {
            throw new BadRequestResponse(
                "'shortcut' must be 1 to 40 lower-case letters, digits, - or _, e.g. 'reset-link'");
          }
          String text =
              Requests.requiredText(body, "text", ConversationsApi.MAX_REPLY_CHARS).strip();
          if (text.isEmpty()) {
            throw new BadRequestResponse("'text' must not be blank");
          }
          var reply = new CannedReplies.Canned(shortcut, text, agent, clock.instant());
          if (!replies.create(reply)) {
            throw new ConflictResponse("the shortcut /" + shortcut + " is already taken");
          }
          ctx.status(201).json(reply);
        });
    routes.delete(
        "/api/canned-replies/{shortcut}",
        ctx -> {
          auth.require(ctx);
          if (!replies.delete(ctx.pathParam("shortcut"))) {
            throw new NotFoundResponse("no canned reply /" + ctx.pathParam("shortcut"));
          }
          ctx.status(204);
        });
  }
}
