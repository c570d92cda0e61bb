package dev.slo.core.tracker;

import dev.slo.core.data.DataFileReader;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Writes events as a data file and evaluates it the way {@code slo eval --data} does. */
final class Events {
  private final StringBuilder csv =
      new StringBuilder("timestamp,slo_id,good_events,total_events\n");

  Events add(Instant t, String sloId, long good, long total) {
    csv.append(t).append(',').append(sloId).append(',').append(good).append(',').append(total);
    csv.append('\n');
    return this;
  }

  Events addSteps(String sloId, List<StepCount> steps) {
    for (StepCount s : steps) {
      add(s.timestamp(), sloId, s.counts().good(), s.counts().total());
    }
    return this;
  }

  /** Writes the data file to {@code dir} and reads it back as {@code slo eval} would. */
  EventSource source(Path dir, Set<String> known) {
    try {
      Path file = Files.createTempFile(dir, "events", ".csv");
      Files.writeString(file, csv, StandardCharsets.UTF_8);
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        return DataFileReader.read(file.toString(), in, known).source();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  EventSource sourceInMemory(Set<String> known) {
    return DataFileReader.read(
            "events", new BufferedReader(new StringReader(csv.toString())), known)
        .source();
  }

  static Evaluation eval(Slo slo, EventSource source, Instant at) {
    return new Evaluator().evaluate(slo, source, at);
  }
}
