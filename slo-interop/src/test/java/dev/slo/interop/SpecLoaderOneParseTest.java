package dev.slo.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A native spec is parsed once ({@link SpecLoader#read(Map)}); every spec reads the same as the
 * long way (document reader, then the format's reader).
 */
class SpecLoaderOneParseTest {
  @Test
  void shouldReadEveryFixtureAndExampleAsTheLongWayDoes() throws IOException {
    List<Path> files;
    try (Stream<Path> s =
        Stream.concat(
            Files.walk(Path.of("src/test/resources")), Files.walk(Path.of("../examples")))) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> p.toString().matches(".*\\.(ya?ml|json)"))
              .sorted()
              .toList();
    }
    assertThat(files).hasSizeGreaterThan(30);
    int natives = 0;
    for (Path f : files) {
      Map<String, String> text = Map.of(f.toString(), Files.readString(f));
      SpecLoader.Result fast = SpecLoader.read(text);
      SpecLoader.Result slow = SpecLoader.read(text, false);
      assertThat(describe(fast)).as(f.toString()).isEqualTo(describe(slow));
      natives += fast.loaded().stream().anyMatch(l -> l.format() == Format.NATIVE) ? 1 : 0;
    }
    assertThat(natives).as("native specs among them").isGreaterThanOrEqualTo(3);
  }

  @Test
  void shouldReadTheBrokenVariantsOfANativeSpecAsTheLongWayDoes() {
    String good =
        "slos:\n  - slo_id: a\n    slo_name: A\n    service_name: s\n    slo_type: AVAILABILITY\n"
            + "    target_percentage: 99\n    time_period: ROLLING_7D\n";
    for (String text :
        List.of(
            good,
            good + "---\n",
            "---\n" + good,
            good + "---\nslos: []\n",
            good + "kind: SLO\n",
            good + "version: prometheus/v1\n",
            good + "slos: []\n", // duplicate key
            good.replace("99", "[1"), // not YAML
            good.replace("ROLLING_7D", "SOMETIMES"),
            "{\"slos\": []}",
            "{\"slos\": [}",
            "slos: *x\n",
            "apiVersion: slo.dev/v1\n" + good,
            "apiVersion: openslo/v1\nkind: SLO\nslos: 1\n")) {
      Map<String, String> one = Map.of("spec.yaml", text);
      assertThat(describe(SpecLoader.read(one)))
          .as(text)
          .isEqualTo(describe(SpecLoader.read(one, false)));
    }
  }

  @Test
  void shouldReadSpecsUpToTheDocumentedSizeInEveryFormat() throws IOException {
    String padding = ("# " + "x".repeat(60_000) + "\n").repeat(58); // 3.5 Mi characters
    for (String name : List.of("native/all-fields.yaml", "openslo-v1/non-prometheus-source.yaml")) {
      String text = padding + Files.readString(Fixtures.file(name));
      assertThat(text.length()).isGreaterThan(3 * 1024 * 1024);
      SpecLoader.Result r = SpecLoader.read(Map.of(name, text));
      assertThat(r.problems().errors()).as(name).isEmpty();
      assertThat(r.loaded()).as(name).isNotEmpty();
    }
  }

  private static String describe(SpecLoader.Result r) {
    return r.loaded()
        + "\n"
        + r.problems().errors()
        + "\n"
        + r.problems().warnings()
        + "\n"
        + r.corrections()
        + "\n"
        + r.correctionsPerSource();
  }
}
