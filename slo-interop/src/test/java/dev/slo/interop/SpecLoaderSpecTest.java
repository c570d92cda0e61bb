package dev.slo.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.spec.Spec;
import dev.slo.core.spec.SpecException;
import dev.slo.core.spec.SpecProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SpecLoader#spec}: the spec of several paths, named by them, warnings handed out. */
class SpecLoaderSpecTest {
  @Test
  void shouldNameTheSpecByItsPathsAndHandOutEveryWarning() {
    Path a = Fixtures.file("native/all-fields.yaml");
    Path b = Fixtures.file("openslo-v1/non-prometheus-source.yaml");
    List<SpecProblem> warnings = new ArrayList<>();
    Spec s = SpecLoader.spec(List.of(a, b), warnings::add);
    assertThat(s.source()).isEqualTo(a + ", " + b);
    assertThat(warnings)
        .isNotEmpty()
        .isEqualTo(SpecLoader.load(List.of(a, b)).problems().warnings());
  }

  @Test
  void shouldHandOutTheWarningsBeforeRefusingASpecWithErrors() {
    Path bad = Fixtures.file("invalid/openslo-target-too-big.yaml");
    Path warns = Fixtures.file("openslo-v1/non-prometheus-source.yaml");
    List<SpecProblem> warnings = new ArrayList<>();
    assertThatThrownBy(() -> SpecLoader.spec(List.of(bad, warns), warnings::add))
        .isInstanceOf(SpecException.class);
    assertThat(warnings).isNotEmpty();
  }
}
