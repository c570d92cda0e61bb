package dev.slo.interop.io;

import dev.slo.core.InvalidInputException;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.event.SloStatusUpdated;
import dev.slo.core.json.StatusJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

/** A file of {@code slo_status_updated} events, one JSON object a line (docs/events.md). */
public final class EventLog {
  private EventLog() {}

  /**
   * Appends one event per evaluation in one write, so a failure leaves the file as it was.
   *
   * @throws InvalidInputException naming the file when it cannot be appended to
   */
  public static void append(Path file, List<Evaluation> evaluations) {
    StringBuilder sb = new StringBuilder();
    for (Evaluation e : evaluations) {
      sb.append(StatusJson.line(StatusJson.event(SloStatusUpdated.of(e, UUID.randomUUID()))))
          .append('\n');
    }
    try {
      Files.writeString(
          file,
          sb.toString(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot append events: " + e.getMessage(), e);
    }
  }
}
