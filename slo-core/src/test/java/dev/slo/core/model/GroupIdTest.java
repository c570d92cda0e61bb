package dev.slo.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The group id form {@code <slo_id>{<label>="<value>",...}} and its parser. */
class GroupIdTest {
  private static Slo.Builder template() {
    return Slo.builder()
        .sloId("checkout")
        .sloName("Checkout")
        .serviceName("shop")
        .sloType(SloType.AVAILABILITY)
        .targetPercentage(99.9)
        .timePeriod(TimePeriod.ROLLING_30D)
        .groupBy(List.of("route", "method"));
  }

  private static Map<String, String> labels(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void shouldFormatLabelsInGroupByOrderWhateverTheMapOrder() {
    Slo group = template().build().forGroup(labels("method", "GET", "route", "/pay"));
    assertThat(group.sloId()).isEqualTo("checkout{route=\"/pay\",method=\"GET\"}");
    assertThat(group.groupLabels())
        .containsExactly(Map.entry("route", "/pay"), Map.entry("method", "GET"));
    assertThat(group.baseId()).isEqualTo("checkout");
    assertThat(group.isGroup()).isTrue();
    assertThat(group.isGroupTemplate()).isFalse();
    assertThat(group.targetPercentage()).isEqualTo(99.9);
  }

  @Test
  void shouldEscapeQuoteBackslashAndNewlineAsPrometheusDoes() {
    Slo group =
        template().groupBy(List.of("route")).build().forGroup(labels("route", "a\"b\\c\nd"));
    assertThat(group.sloId()).isEqualTo("checkout{route=\"a\\\"b\\\\c\\nd\"}");
    GroupId back = GroupId.parse(group.sloId());
    assertThat(back.baseId()).isEqualTo("checkout");
    assertThat(back.labels()).containsExactly(Map.entry("route", "a\"b\\c\nd"));
  }

  @Test
  void shouldKeepEmptyValuesAndCommasAndBracesInsideValues() {
    String id = GroupId.format("x", labels("a", "", "b", "}{,=\""));
    assertThat(id).isEqualTo("x{a=\"\",b=\"}{,=\\\"\"}");
    assertThat(GroupId.parse(id).labels())
        .containsExactly(Map.entry("a", ""), Map.entry("b", "}{,=\""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "checkout",
        "checkout{}",
        "checkout{route=\"/pay\"",
        "checkout{route=/pay}",
        "checkout{route=\"/pay}",
        "checkout{route=\"a\\tb\"}",
        "checkout{route=\"a\",}",
        "checkout{route=\"a\" method=\"b\"}",
        "checkout{route=\"a\",route=\"b\"}",
        "checkout{9route=\"a\"}",
        "checkout{__name__=\"a\"}",
        "Checkout{route=\"a\"}",
        "{route=\"a\"}"
      })
  void shouldRefuseMalformedIdsNamingTheId(String id) {
    assertThatThrownBy(() -> GroupId.parse(id))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("slo_id"))
        .hasMessageStartingWith("\"")
        .hasMessageContaining("not a valid slo_id: not a group id");
  }

  @Test
  void shouldRefuseIdsLongerThanTheLimit() {
    String value = "v".repeat(GroupId.MAX_LENGTH);
    assertThatThrownBy(() -> GroupId.format("x", labels("a", value)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("use at most 1000");
  }

  @Property(tries = 300)
  void formatThenParseGivesTheLabelsBack(@ForAll("values") String a, @ForAll("values") String b) {
    Map<String, String> in = labels("route", a, "tenant", b);
    String id = GroupId.format("svc.api-1", in);
    GroupId out = GroupId.parse(id);
    assertThat(out.baseId()).isEqualTo("svc.api-1");
    assertThat(out.labels()).containsExactlyEntriesOf(in);
    assertThat(out.toString()).isEqualTo(id);
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings().withChars("ab/\"\\\n,={}= é").ofMaxLength(20);
  }

  @Test
  void shouldValidateGroupByNames() {
    assertThatThrownBy(() -> template().groupBy(List.of("route", "route")).build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("group_by"))
        .hasMessage("\"route\" is not a valid group_by: it is listed twice");
    assertThatThrownBy(() -> template().groupBy(List.of("a-b")).build())
        .hasMessageStartingWith("\"a-b\" is not a valid group_by: use a Prometheus label name");
    assertThatThrownBy(
            () ->
                template()
                    .groupBy(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"))
                    .build())
        .hasMessageContaining("use at most 10 labels");
    assertThatThrownBy(() -> template().maxGroups(0).build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("max_groups"));
  }

  @Test
  void shouldDefaultToUngroupedWithAThousandGroupCap() {
    Slo plain = template().groupBy(List.of()).build();
    assertThat(plain.groupBy()).isEmpty();
    assertThat(plain.groupLabels()).isEmpty();
    assertThat(plain.maxGroups()).isEqualTo(1000);
    assertThat(plain.isGroupTemplate()).isFalse();
    assertThatThrownBy(() -> plain.forGroup(labels("route", "/")))
        .hasMessageContaining("the SLO has no group_by");
  }

  @Test
  void shouldRefuseAGroupWithoutEveryGroupByLabel() {
    assertThatThrownBy(() -> template().build().forGroup(labels("route", "/pay")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("group_labels.method"));
  }

  @Test
  void shouldRefuseAGroupIdThatDoesNotMatchItsLabels() {
    assertThatThrownBy(
            () ->
                template()
                    .groupBy(List.of("route"))
                    .sloId("checkout{route=\"/a\"}")
                    .groupLabels(labels("route", "/b"))
                    .build())
        .hasMessageContaining("it is not the id of group_labels");
  }

  @Test
  void shouldRoundTripAGroupThroughItsBuilder() {
    Slo group = template().build().forGroup(labels("route", "/", "method", "POST"));
    assertThat(group.toBuilder().build()).isEqualTo(group);
  }
}
