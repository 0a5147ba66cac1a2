package loginbot.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import loginbot.store.Attachments;

/**
 * The images users sent, for agents: {@code GET /api/conversations/{id}/attachments} lists them
 * (with the masked text read from each), {@code .../attachments/{attachment}} returns one.
 */
public final class AttachmentsApi implements Routes {
  private final AgentAuth auth;
  private final Attachments attachments;

  public AttachmentsApi(AgentAuth auth, Attachments attachments) {
    this.auth = auth;
    this.attachments = attachments;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(
        "/api/conversations/{id}/attachments",
        ctx -> {
          auth.require(ctx);
          ctx.header("Cache-Control", "no-store").json(attachments.list(ctx.pathParam("id")));
        });
    routes.get(
        "/api/conversations/{id}/attachments/{attachment}",
        ctx -> {
          auth.require(ctx);
          Attachments.Stored image =
              attachments
                  .find(ctx.pathParam("id"), ctx.pathParam("attachment"))
                  .orElseThrow(() -> new NotFoundResponse("no such image in this conversation"));
          send(ctx, image);
        });
  }

  /** The image bytes, never cached by shared caches and never embeddable by other sites. */
  public static void send(Context ctx, Attachments.Stored image) {
    ctx.header("Cache-Control", "private, no-store")
        .header("Cross-Origin-Resource-Policy", "same-origin")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Content-Disposition", "inline; filename=\"" + image.id() + "\"")
        .contentType(image.mediaType())
        .result(image.bytes());
  }
}
