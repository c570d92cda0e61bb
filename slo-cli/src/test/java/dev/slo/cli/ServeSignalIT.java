package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The packaged CLI as a process: SIGTERM stops {@code slo serve} gracefully with exit code 0. */
@Timeout(120)
class ServeSignalIT {
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

  @TempDir Path dir;

  @Test
  void shouldExitWithZeroAfterSigterm() throws Exception {
    Path jar = Path.of("target", "slo.jar");
    assertThat(jar).as("mvn package builds the CLI jar before the ITs").exists();
    Path spec = Fixtures.write(dir, "slos.yaml", Fixtures.SPEC);
    Path data = Fixtures.write(dir, "events.csv", "timestamp,slo_id,good_events,total_events\n");
    Path err = dir.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "serve",
                "--spec",
                spec.toString(),
                "--data",
                data.toString(),
                "--port",
                "0")
            .redirectError(err.toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as(Files.readString(err)).isNotNull();
      Matcher m = LISTENING.matcher(line);
      assertThat(m.find()).as(line).isTrue();
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/healthz"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
      assertThat(p.exitValue()).as(Files.readString(err)).isZero();
      assertThat(Files.readString(err)).contains("slo serve: stopped");
    } finally {
      p.destroyForcibly();
    }
  }
}
