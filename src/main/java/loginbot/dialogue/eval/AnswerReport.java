package loginbot.dialogue.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import loginbot.dialogue.eval.ReplyProbe.Move;
import loginbot.dialogue.eval.ReplySet.Expected;
import loginbot.dialogue.eval.ReplySet.Line;

/**
 * How the bot handled a set of replies to "Did that work?": the lines it resolved on while the
 * writer meant no or was unclear (both must be zero), and the rates of the rest.
 */
public record AnswerReport(String name, List<Result> results) {

  /** One reply and the bot's move. */
  public record Result(Line line, Move move) {}

  public AnswerReport {
    results = List.copyOf(results);
  }

  /** Lines meant as no that closed the chat as resolved. */
  public List<Result> resolvedOnNo() {
    return with(Expected.NO, Move.RESOLVED);
  }

  /** Lines meant as unclear (hedges, questions, new problems, off-topic) that closed the chat. */
  public List<Result> resolvedOnUnclear() {
    return with(Expected.UNCLEAR, Move.RESOLVED);
  }

  /** Share of clear yes lines that closed the chat as resolved. */
  public double yesAccepted() {
    return rate(Expected.YES, Move.RESOLVED);
  }

  /** Share of no lines that moved on to the next step. */
  public double noRecognised() {
    return rate(Expected.NO, Move.TOOK_AS_NO);
  }

  /** Off-topic replies the bot took as a yes or a no. */
  public List<Result> offTopicTakenAsYesNo() {
    return results.stream()
        .filter(r -> r.line().category().equals("off_topic"))
        .filter(r -> r.move() == Move.RESOLVED || r.move() == Move.TOOK_AS_NO)
        .toList();
  }

  public long offTopicLines() {
    return results.stream().filter(r -> r.line().category().equals("off_topic")).count();
  }

  /** For each answer/category: how many lines got each move. */
  public Map<String, Map<Move, Integer>> byCategory() {
    Map<String, Map<Move, Integer>> table = new TreeMap<>();
    for (Result r : results) {
      String key =
          r.line().expected().name().toLowerCase(java.util.Locale.ROOT) + "/" + r.line().category();
      table.computeIfAbsent(key, k -> new EnumMap<>(Move.class)).merge(r.move(), 1, Integer::sum);
    }
    return table;
  }

  private List<Result> with(Expected expected, Move move) {
    return results.stream()
        .filter(r -> r.line().expected() == expected && r.move() == move)
        .toList();
  }

  private double rate(Expected expected, Move move) {
    long all = results.stream().filter(r -> r.line().expected() == expected).count();
    return all == 0 ? 1.0 : (double) with(expected, move).size() / all;
  }
}
