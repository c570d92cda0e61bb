package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import dev.slo.core.model.Slo;
import dev.slo.core.spec.SpecParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What {@link SloServer.Builder} wires for {@code slo serve}: token files, timeouts, expiry. */
@Timeout(60)
class BuilderWiringTest {
  @TempDir Path dir;

  private static final List<Slo> SLOS =
      SpecParser.parse(
              "t",
              "{\"slos\":[{\"slo_id\": \"a\", \"slo_name\": \"A\", \"service_name\": \"s\","
                  + " \"slo_type\": \"AVAILABILITY\", \"target_percentage\": 99,"
                  + " \"time_period\": \"ROLLING_7D\"}]}")
          .slos();

  private SloServer.Builder builder() {
    return SloServer.builder()
        .slos(SLOS)
        .source(new ScriptedSource())
        .port(0)
        .schedule(false)
        .log(new PrintWriter(new StringWriter(), true));
  }

  private static String get(int port, String auth) {
    return RawHttp.exchange(
        port,
        "GET /api/v1/slos HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + auth + "\r\n");
  }

  @Test
  void shouldReadTheReadTokenFromAFileWithoutItsWhiteSpace() throws Exception {
    Path file = Files.writeString(dir.resolve("read.token"), "  s3cret\n");
    try (SloServer s = builder().readTokenFile(file).build().start()) {
      assertThat(RawHttp.status(get(s.port(), ""))).isEqualTo(401);
      assertThat(RawHttp.status(get(s.port(), "Authorization: Bearer s3cret\r\n"))).isEqualTo(200);
    }
  }

  @Test
  void shouldRefuseAnEmptyOrMissingTokenFileNamingTheFieldAndFile() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty"), " \n");
    assertThatThrownBy(() -> builder().tokenFile(empty))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("token_file"))
        .hasMessage(empty + ": the file is empty");
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> builder().readTokenFile(missing))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("read_token_file"))
        .hasMessageStartingWith(missing + ": cannot be read: ");
  }

  @Test
  void shouldExpireAlertmanagerAlertsAfterFourIntervalsButNoSoonerThanFiveMinutes() {
    assertThat(SloServer.Builder.alertmanagerTtl(Duration.ofSeconds(60)))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(SloServer.Builder.alertmanagerTtl(Duration.ofSeconds(75)))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(SloServer.Builder.alertmanagerTtl(Duration.ofSeconds(76)))
        .isEqualTo(Duration.ofSeconds(304));
    assertThat(SloServer.Builder.alertmanagerTtl(Duration.ofMinutes(10)))
        .isEqualTo(Duration.ofMinutes(40));
  }

  @Test
  void shouldRefuseAnAlertmanagerUrlThatIsNotHttpAtBuild() {
    SloServer.Builder b = builder().alertmanager(java.net.URI.create("ftp://am:9093"));
    assertThatThrownBy(b::build)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("alertmanager"));
  }

  @Test
  void shouldNameEachReplicaByHostProcessAndARandomSuffix() {
    String a = SloServer.Builder.replicaId();
    String b = SloServer.Builder.replicaId();
    assertThat(a).matches(".+-" + ProcessHandle.current().pid() + "-[0-9a-f]{8}");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void shouldRefuseNonPositiveTimeoutsThroughTheLimits() {
    assertThatThrownBy(() -> builder().timeouts(Duration.ZERO, Duration.ofSeconds(1), 10))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> builder().timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("max_connections"));
  }
}
