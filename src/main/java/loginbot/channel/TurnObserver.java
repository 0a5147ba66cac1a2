package loginbot.channel;

/**
 * Told about every user message the service processed (metrics); must be fast and must not throw.
 */
@FunctionalInterface
public interface TurnObserver {
  TurnObserver NONE = event -> {};

  void onTurn(TurnEvent event);
}
