package loginbot.channel.widget;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.BiFunction;
import loginbot.attachment.ImageCleaner;
import loginbot.attachment.ImageLine;
import loginbot.attachment.ImageRejected;
import loginbot.channel.ImageMessages;
import loginbot.channel.TurnOutcome;
import loginbot.store.Attachments;

/**
 * Images sent from the widget: the upload (raw image bytes, at most 5 MB), which becomes the user's
 * message in the conversation, and serving an image back to the conversation's own widget.
 */
final class WidgetUploads {
  private final WidgetParts parts;
  private final BiFunction<String, Long, WidgetChannel.Lines> lines;
  private final ImageMessages images;

  WidgetUploads(WidgetParts parts, BiFunction<String, Long, WidgetChannel.Lines> lines) {
    this.parts = parts;
    this.lines = lines;
    this.images =
        new ImageMessages(parts.intake(), parts.attachments(), parts.store(), parts.clock());
  }

  /**
   * {@code POST .../attachments?clientMessageId=&after=&role=&language=} with the image as the
   * body.
   */
  void upload(Context ctx, String id) {
    long after = WidgetChannel.after(ctx.queryParam("after"));
    String messageId =
        Optional.ofNullable(ctx.queryParam("clientMessageId"))
            .filter(m -> !m.isBlank() && m.length() <= WidgetChannel.MAX_ID_CHARS)
            .orElse(null);
    String attachmentId = messageId == null ? ImageLine.newId() : ImageLine.idFor(id, messageId);
    byte[] bytes = body(ctx);
    var role = WidgetChannel.role(Optional.ofNullable(ctx.queryParam("role")));
    var language = WidgetChannel.language(Optional.ofNullable(ctx.queryParam("language")));
    var arrival =
        new ImageMessages.Arrival(
            "widget", id, messageId, attachmentId, role, language, java.util.Map.of());
    TurnOutcome outcome;
    if (images.kept(id, attachmentId)) {
      // A retried upload: the turn is a duplicate, and the image need not be read again.
      outcome = images.again(arrival, parts.conversations()::handle);
    } else {
      try {
        outcome = images.take(arrival, bytes, parts.conversations()::handle);
      } catch (ImageRejected e) {
        throw new HttpResponseException(e.status(), e.getMessage());
      }
    }
    ctx.header("Cache-Control", "no-store")
        .status(201)
        .json(WidgetChannel.Sent.of(outcome, lines.apply(id, after)));
  }

  /** {@code GET .../attachments/{attachment}}: only to this conversation's widget. */
  void serve(Context ctx, String id) {
    String attachmentId = ctx.pathParam("attachment");
    Attachments.Stored image =
        (ImageLine.validId(attachmentId)
                ? parts.attachments().find(id, attachmentId)
                : Optional.<Attachments.Stored>empty())
            .orElseThrow(() -> new NotFoundResponse("no such image in this conversation"));
    loginbot.web.AttachmentsApi.send(ctx, image);
  }

  /**
   * The raw body, refused with 413 beyond 5 MB. A body up to twice that is read to its end first
   * and dropped: a client still sending it would otherwise see the connection reset instead of the
   * 413 (an honest photo a little too large); anything larger is refused without reading.
   */
  static byte[] body(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > 2L * ImageCleaner.MAX_BYTES) {
      throw new HttpResponseException(413, "images may be at most 5 MB");
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(ImageCleaner.MAX_BYTES + 1);
      if (bytes.length > ImageCleaner.MAX_BYTES) {
        in.skipNBytes(Math.max(0, declared - bytes.length));
        throw new HttpResponseException(413, "images may be at most 5 MB");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("the upload was interrupted", e);
    }
  }
}
