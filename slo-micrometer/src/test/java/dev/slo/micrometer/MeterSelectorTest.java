package dev.slo.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import org.junit.jupiter.api.Test;

class MeterSelectorTest {
  static Meter.Id id(String name, String... tags) {
    return new Meter.Id(name, Tags.of(tags), null, null, Meter.Type.TIMER);
  }

  @Test
  void matchesNameAndEveryTagMatcher() {
    MeterSelector s =
        MeterSelector.parse("http.server.requests{status!~\"5..\", uri=\"/a\",method!=\"GET\"}");
    assertThat(s.matchers()).hasSize(3);
    assertThat(
            s.matches(id("http.server.requests", "status", "200", "uri", "/a", "method", "POST")))
        .isTrue();
    assertThat(s.matches(id("http.server.requests", "status", "503", "uri", "/a"))).isFalse();
    assertThat(s.matches(id("http.server.requests", "status", "200", "uri", "/a", "method", "GET")))
        .isFalse();
    assertThat(s.matches(id("http.client.requests", "status", "200", "uri", "/a"))).isFalse();
    // an absent tag has the value ""
    assertThat(MeterSelector.parse("jobs{queue=\"\"}").matches(id("jobs"))).isTrue();
    assertThat(MeterSelector.parse("jobs").toString()).isEqualTo("jobs");
    assertThat(MeterSelector.parse(s.toString())).isEqualTo(s);
  }

  @Test
  void refusesWhatIsNotASelector() {
    assertThatThrownBy(() -> MeterSelector.parse("{status=\"200\"}"))
        .hasMessageStartingWith("\"{status=\"200\"}\" is not a valid meter selector");
    assertThatThrownBy(() -> MeterSelector.parse("jobs{status=200}"))
        .hasMessage(
            "\"jobs{status=200}\" is not a valid meter selector: cannot read the tag matchers"
                + " from \"status=200\"");
    assertThatThrownBy(() -> MeterSelector.parse("jobs{status=~\"(\"}"))
        .hasMessageStartingWith("\"(\" is not a valid regular expression for tag status");
  }
}
