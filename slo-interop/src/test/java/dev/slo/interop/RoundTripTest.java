package dev.slo.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Slo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trips on every valid fixture and on examples/slos.yaml: native → OpenSLO → native and
 * OpenSLO → native → OpenSLO give the same SLOs, field by field; examples/ holds one spec per
 * format.
 */
class RoundTripTest {

  static Stream<List<Path>> specs() {
    List<List<Path>> units = new ArrayList<>();
    for (Path p : Fixtures.valid()) {
      if (!p.toString().contains("/openslo-refs/")) {
        units.add(List.of(p));
      }
    }
    units.add(List.of(Fixtures.dir("openslo-refs")));
    try (Stream<Path> examples = Files.walk(Path.of("..", "examples"))) {
      examples
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .forEach(p -> units.add(List.of(p)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    // a composite (not evaluated yet) and a Sloth plugin (refused) give no SLO to round-trip
    return units.stream()
        .filter(
            u -> {
              SpecLoader.Result r = SpecLoader.load(u);
              return !r.problems().hasErrors() && !r.slos().isEmpty();
            });
  }

  private static List<Slo> reread(SpecLoader.Result r, Converter.Target t) {
    String text = Converter.convert(r.loaded(), t).text();
    SpecLoader.Result again = SpecLoader.read(Map.of("converted.yaml", text));
    assertThat(again.problems().errors()).as(text).isEmpty();
    return again.slos();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void shouldKeepEveryFieldThroughNativeAndOpenSlo(List<Path> spec) {
    SpecLoader.Result original = SpecLoader.load(spec);
    assertThat(original.problems().errors()).isEmpty();
    List<Slo> slos = original.slos();

    List<Slo> viaNative = reread(original, Converter.Target.NATIVE);
    List<Slo> viaOpenSlo = reread(original, Converter.Target.OPENSLO);

    assertThat(viaNative).isEqualTo(slos);
    assertThat(viaOpenSlo).isEqualTo(slos);
    // and the second leg: native → OpenSLO → native, OpenSLO → native → OpenSLO
    SpecLoader.Result nativeText =
        SpecLoader.read(
            Map.of("n.yaml", Converter.convert(original.loaded(), Converter.Target.NATIVE).text()));
    assertThat(reread(nativeText, Converter.Target.OPENSLO)).isEqualTo(slos);
    SpecLoader.Result openSloText =
        SpecLoader.read(
            Map.of(
                "o.yaml", Converter.convert(original.loaded(), Converter.Target.OPENSLO).text()));
    assertThat(reread(openSloText, Converter.Target.NATIVE)).isEqualTo(slos);
  }
}
