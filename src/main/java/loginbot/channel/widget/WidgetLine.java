package loginbot.channel.widget;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import loginbot.attachment.ImageLine;
import loginbot.dialogue.Button;
import loginbot.store.TranscriptEntry;

/**
 * A transcript line as the visitor may see it: no classifier internals, and no agents' notes
 * (SYSTEM lines stay in the agent console). An image the user sent comes as its attachment id,
 * without the text read from it.
 *
 * @param author "user", "bot" or "agent"
 * @param name the agent's display name; null for the user and the bot
 * @param attachment the image this line shows, else null
 */
public record WidgetLine(
    long seq,
    Instant at,
    String author,
    String name,
    String text,
    List<Button> buttons,
    String attachment) {

  static Optional<WidgetLine> of(TranscriptEntry e) {
    // Only what was said to or by the user: system lines and agents' notes stay in the console.
    if (e.author() == TranscriptEntry.Author.SYSTEM || e.author() == TranscriptEntry.Author.NOTE) {
      return Optional.empty();
    }
    String name = e.author() == TranscriptEntry.Author.AGENT ? e.name() : null;
    Optional<String> image =
        e.author() == TranscriptEntry.Author.USER
            ? ImageLine.attachmentOf(e.text())
            : Optional.empty();
    return Optional.of(
        new WidgetLine(
            e.seq(),
            e.at(),
            e.author().name().toLowerCase(Locale.ROOT),
            name,
            image.isPresent() ? "" : e.text(),
            e.buttons(),
            image.orElse(null)));
  }

  static List<WidgetLine> visible(List<TranscriptEntry> entries) {
    return entries.stream().flatMap(e -> of(e).stream()).toList();
  }
}
