package loginbot.dialogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loginbot.dialogue.content.Cue;
import loginbot.dialogue.content.Lexicon;
import loginbot.nlu.Intent;
import loginbot.nlu.Reading;
import loginbot.nlu.Understanding;

/**
 * Reads a message's {@link Cues} once, from the words the NLU already normalised, with the word
 * lists of {@code content/lang/<code>/words.yaml}. Immutable and thread-safe.
 */
final class CueReader {
  private final YesNo yesNo;
  private final RoleDetector roles;
  private final PhraseScan greetings;
  private final PhraseScan thanks;
  private final List<Lexicon.FactCue> facts;

  CueReader(Lexicon lexicon) {
    this.yesNo = new YesNo(lexicon);
    this.roles = new RoleDetector(lexicon);
    this.greetings = new PhraseScan(lexicon, List.of(Cue.GREETING));
    this.thanks = new PhraseScan(lexicon, List.of(Cue.THANKS));
    this.facts = lexicon.facts();
  }

  Cues read(Understanding understanding) {
    Reading reading = understanding.reading();
    List<String> words = reading.words();
    YesNo.Reply reply = yesNo.read(reading.text(), reading.sentences(), understanding);
    return new Cues(
        reply.answer(),
        reply.hedged(),
        reply.question(),
        words.size(),
        roles.detect(words),
        roles.answer(words),
        stated(words),
        smallTalk(words));
  }

  /** Greetings or thanks and nothing else ("hi there!", « merci beaucoup »). */
  private Optional<Intent> smallTalk(List<String> words) {
    if (words.isEmpty()) {
      return Optional.empty();
    }
    if (covers(greetings, words)) {
      return Optional.of(Intent.GREETING);
    }
    return covers(thanks, words) ? Optional.of(Intent.GOODBYE) : Optional.empty();
  }

  private static boolean covers(PhraseScan scan, List<String> words) {
    return scan.scan(words).stream().mapToInt(m -> m.end() - m.start()).sum() == words.size();
  }

  private Map<String, String> stated(List<String> words) {
    Map<String, String> found = new LinkedHashMap<>();
    String text = " " + String.join(" ", words) + " ";
    for (Lexicon.FactCue cue : facts) {
      for (List<String> phrase : cue.says()) {
        if (text.contains(" " + String.join(" ", phrase) + " ")) {
          found.putIfAbsent(cue.fact(), cue.value());
        }
      }
    }
    return found;
  }
}
