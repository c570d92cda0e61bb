package dev.slo.interop.io;

import dev.slo.core.data.DataFileReader;
import dev.slo.core.data.DataSet;
import dev.slo.core.data.UnfilteredData;
import dev.slo.core.model.Slo;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A data file read on another thread while a command reads its spec ({@link #start}), then checked
 * against the spec's SLOs ({@link #read}): the same data set, warnings and errors as {@link
 * DataFiles#read(Path, List)}, whose work it overlaps with the spec's. Only a regular file is read
 * ahead (a pipe or a device is read once, when its SLOs are known); when the read ahead failed, or
 * the spec has grouped SLOs (their rows are checked for labels as they are read), the file is read
 * again for the spec, so what is reported is what that read meets. One {@link #read} per instance.
 */
public final class DataPrefetch {
  private final Path file;
  private final @Nullable Thread reader;
  private @Nullable UnfilteredData ahead; // written by the reader, read after join()

  private DataPrefetch(Path file, boolean readAhead) {
    this.file = file;
    this.reader = readAhead ? new Thread(this::readAhead, "slo-data-read") : null;
  }

  /** Starts reading {@code file} when it is a regular file. */
  public static DataPrefetch start(Path file) {
    DataPrefetch p = new DataPrefetch(file, Files.isRegularFile(file));
    if (p.reader != null) {
      p.reader.setDaemon(true);
      p.reader.start();
    }
    return p;
  }

  private void readAhead() {
    try (BufferedReader in = InputFiles.reader(file)) {
      ahead = DataFileReader.readUnfiltered(file.toString(), in);
    } catch (IOException | RuntimeException | Error e) {
      // read again for the spec, which meets (and reports) the problem itself
    }
  }

  /** The file's data for {@code slos}, as {@link DataFiles#read(Path, List)} returns it. */
  public DataSet read(List<Slo> slos) {
    UnfilteredData read = null;
    if (reader != null && slos.stream().noneMatch(Slo::isGroupTemplate)) {
      try {
        reader.join();
        read = ahead;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (read == null) {
      return DataFiles.read(file, slos);
    }
    Set<String> known = new HashSet<>();
    slos.forEach(s -> known.add(s.sloId()));
    return read.forKnown(known);
  }
}
