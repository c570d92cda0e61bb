package dev.slo.jdbc;

import dev.slo.core.InvalidInputException;
import dev.slo.core.data.DataRow;
import dev.slo.core.model.Slo;
import dev.slo.core.store.SloFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Loads the rows of a data file into a store's SLI history: the SLOs of a spec stored first
 * (created or updated), each row under its SLO's id (for a grouped SLO, the id of the group its
 * group_by labels name; other labels are summed over), rows of unknown SLOs skipped. Nothing is
 * stored unless every row is good ({@link JdbcStore#load}).
 */
public final class DataSetLoad {
  private DataSetLoad() {}

  /**
   * What a load did.
   *
   * @param result what was stored
   * @param skipped rows of SLOs neither in the spec given nor, without one, in the store
   */
  public record Outcome(StagedIngest.Result result, long skipped) {
    /**
     * A warning when rows were skipped: {@code data.csv: skipped 3 rows for SLOs not in the spec}
     * ({@code database} when {@code fromSpec} is false, the SLOs being those stored); empty when
     * none was.
     */
    public java.util.Optional<String> skippedWarning(Object source, boolean fromSpec) {
      return skipped == 0
          ? java.util.Optional.empty()
          : java.util.Optional.of(
              source
                  + ": skipped "
                  + skipped
                  + " rows for SLOs not in the "
                  + (fromSpec ? "spec" : "database"));
    }
  }

  /**
   * One warning per SLO of {@code slos} whose alert tiers a load cannot keep (the store does not
   * keep alert_tiers yet, so evaluations from it use the default tiers), in order.
   */
  public static List<String> warnings(List<Slo> slos) {
    return slos.stream()
        .filter(x -> !x.alertTiers().isEmpty())
        .map(
            x ->
                x.sloId()
                    + ": alert_tiers are not kept by the database store yet; evaluations from it"
                    + " use the default tiers")
        .toList();
  }

  /**
   * Loads {@code rows} into {@code store}.
   *
   * @param slos the spec's SLOs, stored first; rows of other SLOs are skipped. Null: the SLOs
   *     stored already
   * @param source where the rows come from, for messages ({@code data.csv:12: ...})
   * @param rows calls its argument with every row, in order; may be called twice
   * @throws InvalidInputException when a row of a grouped SLO lacks a group_by label
   */
  public static Outcome run(
      JdbcStore store, @Nullable List<Slo> slos, Object source, Consumer<Consumer<DataRow>> rows) {
    if (slos != null) {
      for (Slo slo : slos) {
        if (store.slos().get(slo.sloId()).isPresent()) {
          store.slos().update(slo);
        } else {
          store.slos().create(slo);
        }
      }
    }
    Map<String, Slo> known = new HashMap<>();
    (slos != null ? slos : store.slos().list(SloFilter.ALL)).forEach(x -> known.put(x.sloId(), x));
    long[] skipped = {0};
    // one pass when every step is new (streamed straight in, one transaction); a second pass into
    // a staging table when steps repeat or are stored already. A bad row stops either before
    // anything is committed.
    StagedIngest.Result result =
        store.load(
            sink -> {
              skipped[0] = 0;
              rows.accept(
                  r -> {
                    Slo slo = known.get(r.sloId());
                    if (slo == null) {
                      skipped[0]++;
                    } else {
                      sink.add(
                          storedId(slo, r, source), r.timestamp(), r.goodEvents(), r.totalEvents());
                    }
                  });
            });
    if (known.values().stream().anyMatch(Slo::isGroupTemplate)) {
      store.labelGroups();
    }
    return new Outcome(result, skipped[0]);
  }

  /**
   * As {@link #run}, for a store opened only once the warnings about {@code slos} ({@link
   * #warnings}) have gone to {@code warnings}; then the skipped rows' warning ({@link
   * Outcome#skippedWarning}) goes there too.
   *
   * @return the line saying what was stored where ({@link StagedIngest.Result#describe})
   */
  public static String run(
      Supplier<JdbcStore> store,
      @Nullable List<Slo> slos,
      Object source,
      Consumer<Consumer<DataRow>> rows,
      Consumer<String> warnings) {
    if (slos != null) {
      warnings(slos).forEach(warnings);
    }
    JdbcStore open = store.get();
    Outcome o = run(open, slos, source, rows);
    o.skippedWarning(source, slos != null).ifPresent(warnings);
    return o.result().describe(source, open.target());
  }

  /**
   * The slo_id a row is stored under: for a grouped SLO the group id of its group_by labels (other
   * labels are summed over), else the SLO's id.
   */
  static String storedId(Slo slo, DataRow r, Object source) {
    if (!slo.isGroupTemplate()) {
      return r.sloId();
    }
    for (String name : slo.groupBy()) {
      if (!r.labels().containsKey(name)) {
        throw new InvalidInputException(
            source
                + ":"
                + r.line()
                + ": "
                + (r.labels().isEmpty()
                    ? "the row of SLO " + r.sloId() + " has no labels, and the SLO has group_by "
                    : "labels has no " + name + ", a group_by label of SLO " + r.sloId() + "; ")
                + slo.groupBy());
      }
    }
    return slo.forGroup(r.labels()).sloId();
  }
}
