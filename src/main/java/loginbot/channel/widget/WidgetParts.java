package loginbot.channel.widget;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import loginbot.attachment.ImageIntake;
import loginbot.attachment.Ocr;
import loginbot.channel.ConversationService;
import loginbot.dialogue.Welcome;
import loginbot.dialogue.content.ContentCatalog;
import loginbot.dialogue.content.UiStrings;
import loginbot.handoff.SupportHours;
import loginbot.store.Attachments;
import loginbot.store.ConversationStore;
import loginbot.store.InMemoryAttachments;
import loginbot.store.InMemoryWidgetSessions;
import loginbot.store.WidgetSessions;

/**
 * What the widget channel works with, chosen by the composition root.
 *
 * @param sessions the tokens' records (expiry, deletion, typing, seen)
 * @param attachments where users' images are kept, with their conversation
 * @param intake checks, re-encodes and reads uploaded images
 * @param welcome the greeting and starter buttons per role and language
 * @param hours when people answer, shown in the widget's header
 * @param queue places in line and the expected wait
 * @param addressOf the client's address (behind a proxy, as the rate limits see it)
 * @param admission called first on every widget request; rate limiting plugs in here
 * @param ui the interface strings the widget script is served with, every language's
 */
public record WidgetParts(
    ConversationService conversations,
    ConversationStore store,
    WidgetSessions sessions,
    Attachments attachments,
    ImageIntake intake,
    Welcome welcome,
    SupportHours hours,
    QueueWatch queue,
    Clock clock,
    Function<Context, String> addressOf,
    Admission admission,
    UiStrings ui) {

  /** In-memory sessions and attachments, no text reader, always open: for tests and tools. */
  public static WidgetParts defaults(
      ConversationService conversations, ConversationStore store, Admission admission) {
    ContentCatalog content = ContentCatalog.fromClasspath();
    Clock clock = Clock.systemUTC();
    return new WidgetParts(
        conversations,
        store,
        new InMemoryWidgetSessions(),
        new InMemoryAttachments(store),
        intake(Ocr.NONE, content),
        Welcome.load(content.source(), content),
        SupportHours.alwaysOpen(),
        new QueueWatch(store, clock, Duration.ofSeconds(10)),
        clock,
        Context::ip,
        admission,
        content.ui());
  }

  /** The image intake with this text reader and the content's on-screen messages. */
  public static ImageIntake intake(Ocr ocr, ContentCatalog content) {
    return ImageIntake.of(ocr, content);
  }
}
