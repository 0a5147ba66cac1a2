package loginbot.store;

import loginbot.MutableClock;

/** The reference store against the contract, which keeps the contract honest too. */
class InMemoryStoreTest extends ConversationStoreContract {
  @Override
  protected ConversationStore open(MutableClock clock) {
    return new InMemoryStore(clock);
  }
}
