package dev.slo.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Converter#convertPerFile}: the files {@code slo convert --out DIR} writes. */
class ConvertPerFileTest {
  private static final String NATIVE =
      """
      slos:
        - {slo_id: a, slo_name: A, service_name: shop, slo_type: AVAILABILITY,
           target_percentage: 99, time_period: ROLLING_7D, good_counter: ok, total_counter: all}
        - {slo_id: b, slo_name: B, service_name: cart, slo_type: AVAILABILITY,
           target_percentage: 99, time_period: ROLLING_7D, good_counter: ok, total_counter: all}
        - {slo_id: c, slo_name: C, service_name: shop, slo_type: AVAILABILITY,
           target_percentage: 99, time_period: ROLLING_7D, good_counter: ok, total_counter: all}
      """;

  private static Map<String, Converter.Output> files(Converter.Target target) {
    SpecLoader.Result r = SpecLoader.read(Map.of("s.yaml", NATIVE));
    return Converter.convertPerFile(r.loaded(), target);
  }

  @Test
  void shouldWriteOneOpenSloFilePerSloInOrder() {
    assertThat(files(Converter.Target.OPENSLO)).containsOnlyKeys("a.yaml", "b.yaml", "c.yaml");
    assertThat(files(Converter.Target.OPENSLO).keySet())
        .containsExactly("a.yaml", "b.yaml", "c.yaml");
    assertThat(files(Converter.Target.OPENSLO).get("b.yaml").text())
        .contains("name: b")
        .doesNotContain("name: a\n");
  }

  @Test
  void shouldWriteOneSlothFilePerService() {
    Map<String, Converter.Output> f = files(Converter.Target.SLOTH);
    assertThat(f.keySet()).containsExactly("shop.yaml", "cart.yaml");
    assertThat(f.get("shop.yaml").text()).contains("service: shop");
  }

  @Test
  void shouldWriteOneNativeFile() {
    assertThat(files(Converter.Target.NATIVE).keySet()).containsExactly("slos.yaml");
  }
}
