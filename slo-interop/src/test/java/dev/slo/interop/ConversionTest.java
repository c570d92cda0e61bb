package dev.slo.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Conversion}: the files and warnings of one {@code slo convert}. */
class ConversionTest {
  private static final String NATIVE =
      """
      slos:
        - {slo_id: a, slo_name: A, service_name: shop, slo_type: AVAILABILITY,
           target_percentage: 99, time_period: ROLLING_7D, good_counter: ok, total_counter: all}
        - {slo_id: b, slo_name: B, service_name: cart, slo_type: AVAILABILITY,
           target_percentage: 99, time_period: ROLLING_7D, good_counter: ok, total_counter: all,
           description: dropped by Sloth}
      """;

  private static SpecLoader.Result read() {
    return SpecLoader.read(Map.of("s.yaml", NATIVE));
  }

  @Test
  void shouldWriteOneSlosYamlUnlessPerFile() {
    assertThat(Conversion.of(read(), Converter.Target.OPENSLO, false).files())
        .containsOnlyKeys("slos.yaml");
    assertThat(Conversion.of(read(), Converter.Target.OPENSLO, true).files().keySet())
        .containsExactly("a.yaml", "b.yaml");
  }

  @Test
  void shouldCollectEveryWritersWarningsInFileOrder() {
    Conversion one = Conversion.of(read(), Converter.Target.SLOTH, false);
    Conversion perFile = Conversion.of(read(), Converter.Target.SLOTH, true);
    assertThat(one.warnings()).isNotEmpty();
    assertThat(perFile.warnings())
        .containsExactlyInAnyOrderElementsOf(one.warnings())
        .isEqualTo(perFile.files().values().stream().flatMap(o -> o.warnings().stream()).toList());
  }

  @Test
  void shouldPutTheReadersWarningsFirst() {
    SpecLoader.Result r = Fixtures.load("openslo-v1/non-prometheus-source.yaml");
    assertThat(r.problems().warnings()).isNotEmpty();
    Conversion c = Conversion.of(r, Converter.Target.SLOTH, false);
    assertThat(c.warnings().subList(0, r.problems().warnings().size()))
        .isEqualTo(r.problems().warnings().stream().map(Object::toString).toList());
  }

  @Test
  void shouldRefuseAStrictConversionNamingHowManyFieldsWouldBeLost() {
    Conversion lossy = Conversion.of(read(), Converter.Target.SLOTH, false);
    assertThat(lossy.strictRefusal())
        .contains(
            lossy.warnings().size()
                + (lossy.warnings().size() == 1 ? " field was" : " fields were")
                + " dropped or approximated; nothing written");
    assertThat(new Conversion(Map.of(), java.util.List.of("x")).strictRefusal())
        .contains("1 field was dropped or approximated; nothing written");
    assertThat(new Conversion(Map.of(), java.util.List.of()).strictRefusal()).isEmpty();
  }
}
