package dev.slo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code slo serve --fleet} processes started by a test, and what their HTTP fronts say. */
final class Replicas implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  final List<Process> processes = new ArrayList<>();
  final List<Path> outputs = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Starts one {@code slo serve} JVM with {@code args} after {@code serve}. */
  Process start(Path out, String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx160m",
                "-Xss512k",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.slo.cli.Main",
                "serve"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectErrorStream(true).redirectOutput(out.toFile());
    Process p = pb.start();
    processes.add(p);
    outputs.add(out);
    return p;
  }

  /** The port the {@code i}th process listens on, read from its output. */
  int port(int i) throws Exception {
    Process p = processes.get(i);
    Path out = outputs.get(i);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      String text = Files.exists(out) ? Files.readString(out) : "";
      Matcher m = LISTENING.matcher(text);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!p.isAlive()) {
        throw new AssertionError("slo serve exited with " + p.exitValue() + ": " + text);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("slo serve did not start in 90s: " + Files.readString(out));
  }

  Optional<JsonNode> readyz(int port) {
    try {
      HttpResponse<String> r = get(port, "/readyz");
      return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  HttpResponse<String> get(int port, String path) throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  Set<Integer> owned(int port) {
    Set<Integer> out = new HashSet<>();
    readyz(port).ifPresent(r -> r.path("owned_shards").forEach(s -> out.add(s.asInt())));
    return out;
  }

  List<Integer> sizes(List<Integer> ports) {
    return ports.stream()
        .map(p -> readyz(p).map(r -> r.get("owned_shards").size()).orElse(-1))
        .toList();
  }

  /** True when the replicas own every shard once between them. */
  boolean ownAllOnce(List<Integer> ports) {
    Set<Integer> all = new HashSet<>();
    int total = 0;
    for (int p : ports) {
      Set<Integer> o = owned(p);
      all.addAll(o);
      total += o.size();
    }
    return all.size() == dev.slo.core.store.Shards.COUNT && total == all.size();
  }

  static void await(Duration limit, BooleanSupplier done, Supplier<String> what)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit + ": " + what.get());
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    processes.forEach(Process::destroyForcibly);
  }
}
