package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.testing.Servers;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the example report in a real headless Chromium: no script errors, charts laid out, and a
 * screenshot in which both chart lines show. Skipped where {@code /usr/bin/chromium} is absent.
 */
class ReportBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOT = Path.of("target", "report-sample.png");

  /** Records script errors, failed loads and console errors as attributes on the root element. */
  private static final String PROBE =
      """
      <script>
      (function () {
        var root = document.documentElement;
        function record(m) {
          root.setAttribute('data-errors', (root.getAttribute('data-errors') || '') + m + ';');
        }
        window.addEventListener('error', function (e) {
          record('error ' + (e.message || (e.target && (e.target.src || e.target.href))));
        }, true);
        window.addEventListener('unhandledrejection', function (e) { record('rejection ' + e.reason); });
        var consoleError = console.error;
        console.error = function () {
          record('console ' + Array.prototype.join.call(arguments, ' '));
          consoleError.apply(console, arguments);
        };
        window.addEventListener('load', function () {
          var drawn = 0;
          document.querySelectorAll('svg.chart').forEach(function (svg) {
            var box = svg.getBoundingClientRect();
            var path = svg.querySelector('path.series');
            if (box.width > 300 && box.height > 100 && path && path.getTotalLength() > 50) {
              drawn++;
            }
          });
          root.setAttribute('data-charts-drawn', String(drawn));
          root.setAttribute('data-loaded', 'yes');
        });
      })();
      </script>
      """;

  @TempDir static Path dir;
  static Path report;

  @BeforeAll
  static void write() {
    Servers.require(
        Files.isExecutable(CHROMIUM), "no /usr/bin/chromium (apt-get install chromium)");
    report = dir.resolve("report.html");
    ReportRun r = ReportRun.example("--at", ReportRun.AT, "--out", report.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void shouldLoadWithoutErrorsAndLayOutEveryChart() throws Exception {
    Path probed = dir.resolve("probed.html");
    Files.writeString(probed, Files.readString(report).replaceFirst("<head>", "<head>" + PROBE));
    Result r = chromium("--dump-dom", probed.toUri().toString());
    assertThat(r.code()).as(r.err()).isZero();
    String root =
        r.out().substring(r.out().indexOf("<html"), r.out().indexOf('>', r.out().indexOf("<html")));
    assertThat(root).contains("data-loaded=\"yes\"").doesNotContain("data-errors");
    assertThat(root).contains("data-charts-drawn=\"6\"");
    assertThat(r.err().lines().filter(l -> l.contains(":CONSOLE"))).isEmpty();
  }

  @Test
  void shouldShowBothChartLinesInAScreenshot() throws Exception {
    Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
    Files.deleteIfExists(SCREENSHOT);
    Result r =
        chromium(
            "--screenshot=" + SCREENSHOT.toAbsolutePath(),
            "--window-size=1280,2000",
            "--hide-scrollbars",
            report.toUri().toString());
    assertThat(r.code()).as(r.err()).isZero();
    BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    // The burn-down line is #2563eb and the SLI line #059669; nothing else on the page uses them.
    assertThat(pixelsNear(image, 0x25, 0x63, 0xeb)).isGreaterThan(1000);
    assertThat(pixelsNear(image, 0x05, 0x96, 0x69)).isGreaterThan(1000);
  }

  private static int pixelsNear(BufferedImage image, int r, int g, int b) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int dr = ((rgb >> 16) & 0xff) - r;
        int dg = ((rgb >> 8) & 0xff) - g;
        int db = (rgb & 0xff) - b;
        if (dr * dr + dg * dg + db * db < 20 * 20) {
          n++;
        }
      }
    }
    return n;
  }

  private record Result(int code, String out, String err) {}

  private static Result chromium(String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    CompletableFuture<String> out = read(p.getInputStream());
    CompletableFuture<String> err = read(p.getErrorStream());
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 60 s");
    }
    return new Result(p.exitValue(), out.join(), err.join());
  }

  private static CompletableFuture<String> read(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }
}
