package dev.slo.testing;

import dev.slo.core.store.InMemoryStore;
import dev.slo.core.store.SloStore;
import java.time.Clock;

/** The store contract, run by the in-memory store. */
class InMemoryStoreContractTest extends SloStoreContract {
  @Override
  protected SloStore newStore() {
    return new InMemoryStore(Clock.systemUTC());
  }
}
