package dev.slo.jdbc;

import dev.slo.core.store.SloStore;
import dev.slo.testing.SloStoreContract;
import dev.slo.testing.TestDatabase;
import java.util.Map;

/** The store contract, run by PostgreSQL. */
class JdbcStoreContractIT extends SloStoreContract {
  @Override
  protected SloStore newStore() {
    return JdbcStore.open(TestDatabase.freshSchema("slo_t_contract"), Map.of());
  }

  @Override
  protected void closeStore(SloStore store) {
    ((JdbcStore) store).close();
  }
}
