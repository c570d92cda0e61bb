package dev.slo.interop.io;

import dev.slo.core.data.DataFileReader;
import dev.slo.core.data.DataRow;
import dev.slo.core.data.DataSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Event data files (CSV or JSON Lines, docs/formats.md) read from disk with {@link DataFileReader};
 * a file that cannot be read fails with one line naming it, as {@link InputFiles} words it.
 */
public final class DataFiles {
  private DataFiles() {}

  /**
   * The whole file, checked against the SLOs it may name.
   *
   * @param known the slo_ids rows may carry
   */
  public static DataSet read(Path file, Set<String> known) {
    return read(file, known, Map.of());
  }

  /**
   * The whole file, checked against the SLOs it may name and the labels of the grouped ones.
   *
   * @param known the slo_ids rows may carry
   * @param groupBy the {@code group_by} labels of each grouped SLO ({@link
   *     DataFileReader#read(String, BufferedReader, Set, Map)})
   */
  public static DataSet read(Path file, Set<String> known, Map<String, List<String>> groupBy) {
    try (BufferedReader in = InputFiles.reader(file)) {
      return DataFileReader.read(file.toString(), in, known, groupBy);
    } catch (IOException e) {
      throw InputFiles.problem(file, e);
    } catch (UncheckedIOException e) {
      throw InputFiles.problem(file, java.util.Objects.requireNonNull(e.getCause()));
    }
  }

  /**
   * The whole file, checked against {@code slos}: rows may name any of them, and rows of a grouped
   * SLO must carry its {@code group_by} labels.
   */
  public static DataSet read(Path file, List<dev.slo.core.model.Slo> slos) {
    Set<String> known = new java.util.HashSet<>();
    Map<String, List<String>> groupBy = new java.util.HashMap<>();
    for (dev.slo.core.model.Slo x : slos) {
      known.add(x.sloId());
      if (x.isGroupTemplate()) {
        groupBy.put(x.sloId(), x.groupBy());
      }
    }
    return read(file, known, groupBy);
  }

  /** Each row in turn, without holding the file in memory. */
  public static void forEach(Path file, Consumer<DataRow> sink) {
    try (BufferedReader in = InputFiles.reader(file)) {
      DataFileReader.forEach(file.toString(), in, sink);
    } catch (IOException e) {
      throw InputFiles.problem(file, e);
    } catch (UncheckedIOException e) {
      throw InputFiles.problem(file, java.util.Objects.requireNonNull(e.getCause()));
    }
  }
}
