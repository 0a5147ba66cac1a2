package loginbot.channel;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import loginbot.attachment.ImageIntake;
import loginbot.attachment.ImageLine;
import loginbot.attachment.ImageRejected;
import loginbot.dialogue.Role;
import loginbot.dialogue.Screenshot;
import loginbot.nlu.Language;
import loginbot.store.Attachments;
import loginbot.store.ConversationStore;
import loginbot.store.TranscriptEntry;

/**
 * An image a user sent, on any channel, made into the user's message: checked, re-encoded and read
 * ({@link ImageIntake}), run as a turn whose text is what was read (masked like typed text), then
 * kept with the conversation, so retention and privacy deletes cover it.
 */
public final class ImageMessages {
  private final ImageIntake intake;
  private final Attachments attachments;
  private final ConversationStore store;
  private final Clock clock;

  public ImageMessages(
      ImageIntake intake, Attachments attachments, ConversationStore store, Clock clock) {
    this.intake = intake;
    this.attachments = attachments;
    this.store = store;
    this.clock = clock;
  }

  /**
   * Where an image arrived and who sent it.
   *
   * @param messageId the channel's id of the image message, for exactly-once processing
   * @param attachmentId the id the image is kept under, derived from the message id when there is
   *     one, so a redelivery finds it
   * @param attributes what the platform holds about the conversation (Chatwoot's attributes)
   */
  public record Arrival(
      String channel,
      String conversationId,
      String messageId,
      String attachmentId,
      Optional<Role> role,
      Optional<Language> language,
      Map<String, Object> attributes) {}

  /** Whether this image is already kept (a retried upload or a redelivered event). */
  public boolean kept(String conversationId, String attachmentId) {
    return attachments.find(conversationId, attachmentId).isPresent();
  }

  /**
   * The turn of an image already kept: a duplicate, answered with the first replies, and the image
   * is not read again.
   */
  public TurnOutcome again(Arrival a, Function<InboundMessage, TurnOutcome> turn) {
    return turn.apply(message(a, ImageLine.text(a.attachmentId(), ""), Optional.empty()));
  }

  /**
   * Takes the image in, runs its turn through {@code turn} (the service's {@code handle}, or the
   * channel's queue in front of it), then keeps it with the text the transcript holds for it.
   *
   * @throws ImageRejected when it is not an image the bot accepts; nothing is kept then
   */
  public TurnOutcome take(Arrival a, byte[] bytes, Function<InboundMessage, TurnOutcome> turn) {
    ImageIntake.Received received = intake.receive(bytes);
    Screenshot screenshot =
        new Screenshot(
            a.attachmentId(),
            received.read(),
            received.match().map(m -> m.caseId()),
            received.match().map(m -> m.message()));
    TurnOutcome outcome =
        turn.apply(
            message(a, ImageLine.text(a.attachmentId(), received.text()), Optional.of(screenshot)));
    store(a, received);
    return outcome;
  }

  /**
   * An image that was not taken in, as a turn of its own: the user is told why in their language,
   * and the transcript says an image was refused.
   */
  public TurnOutcome refused(
      Arrival a, Screenshot.Refusal why, Function<InboundMessage, TurnOutcome> turn) {
    return turn.apply(message(a, ImageLine.refused(why), Optional.of(Screenshot.refused(why))));
  }

  /** Why an intake refusal happened, as the user is told it. */
  public static Screenshot.Refusal refusal(ImageRejected e) {
    return e.status() == 413 ? Screenshot.Refusal.TOO_LARGE : Screenshot.Refusal.NOT_SUPPORTED;
  }

  private static InboundMessage message(Arrival a, String text, Optional<Screenshot> screenshot) {
    return new InboundMessage(
        a.channel(),
        a.conversationId(),
        a.messageId(),
        text,
        a.role(),
        a.language(),
        screenshot,
        Visitor.UNKNOWN,
        a.attributes());
  }

  /** Keeps the image with the text the transcript holds for it, which is masked. */
  private void store(Arrival a, ImageIntake.Received received) {
    String masked =
        store.transcript(a.conversationId(), 0).stream()
            .filter(e -> e.author() == TranscriptEntry.Author.USER)
            .filter(
                e -> ImageLine.attachmentOf(e.text()).filter(a.attachmentId()::equals).isPresent())
            .map(TranscriptEntry::text)
            .reduce((x, y) -> y)
            .orElse(null);
    var image = received.image();
    attachments.put(
        new Attachments.Stored(
            a.attachmentId(),
            a.conversationId(),
            image.mediaType(),
            image.width(),
            image.height(),
            image.bytes(),
            masked,
            clock.instant()));
  }
}
