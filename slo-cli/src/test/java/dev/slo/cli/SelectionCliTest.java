package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --slo} and {@code --at} messages keep naming the option after the checks moved to core.
 */
class SelectionCliTest {
  @TempDir Path dir;

  private CliRun eval(String... more) {
    Path spec = Fixtures.write(dir, "s.yaml", Fixtures.SPEC);
    Path data = Fixtures.write(dir, "d.csv", "timestamp,slo_id,good_events,total_events\n");
    String[] args = new String[5 + more.length];
    args[0] = "eval";
    args[1] = "--spec";
    args[2] = spec.toString();
    args[3] = "--data";
    args[4] = data.toString();
    System.arraycopy(more, 0, args, 5, more.length);
    return CliRun.of(args);
  }

  @Test
  void shouldNameTheOptionForAnUnknownSlo() {
    CliRun r = eval("--slo", "api", "--slo", "nope");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "slo: --slo nope: no such SLO in "
                + dir.resolve("s.yaml")
                + "; known: api, web, off\n");
  }

  @Test
  void shouldNameTheOptionForADisabledSlo() {
    CliRun r = eval("--slo", "off");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("slo: --slo off: the SLO is disabled in " + dir.resolve("s.yaml") + "\n");
  }

  @Test
  void shouldNameTheOptionForAnInstantOutOfRange() {
    CliRun r = eval("--at", "1969-12-31T23:59:59Z");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "slo: --at 1969-12-31T23:59:59Z: the instant 1969-12-31T23:59:59Z is out of range; use"
                + " one from 1970-01-01T00:00:00Z to 2262-01-01T00:00:00Z\n");
  }
}
