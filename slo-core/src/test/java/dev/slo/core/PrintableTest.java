package dev.slo.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PrintableTest {
  @Test
  void shouldEscapeNewlinesEscapeAndBidiOverrides() {
    assertThat(Printable.escape("a\nb\r\tc\u001b[31m\u202e\u0085\u007f"))
        .isEqualTo("a\\nb\\r\\tc\\u001b[31m\\u202e\\u0085\\u007f");
  }

  @Test
  void shouldLeavePlainTextAndUnicodeAlone() {
    assertThat(Printable.escape("Zürich – 東京 ✓")).isEqualTo("Zürich – 東京 ✓");
  }

  @Test
  void shouldCutLongValuesAndSayHowMuchWasLeftOut() {
    String q = Printable.quote("x".repeat(1_000_000));
    assertThat(q).startsWith("\"xxxx").endsWith("… (999920 more characters)\"").hasSize(108);
  }

  @Test
  void shouldNotSplitASurrogatePairOrAnEscapeWhenCutting() {
    String s = "x".repeat(79) + "😀" + "y".repeat(100);
    assertThat(Printable.cut(s)).isEqualTo("x".repeat(79) + "… (102 more characters)");
    assertThat(Printable.cut("\u0000".repeat(100)))
        .isEqualTo("\\u0000".repeat(13) + "… (87 more characters)");
  }

  @Property
  void aQuotedValueIsShortWhateverItHolds(@ForAll String s) {
    assertThat(Printable.quote(s).length()).isLessThanOrEqualTo(82 + 30);
  }

  @Property
  void escapedTextHoldsNoControlCharacterAndEscapingTwiceChangesNothing(@ForAll String s) {
    String once = Printable.escape(s);
    assertThat(once.chars().noneMatch(c -> Character.getType(c) == Character.CONTROL)).isTrue();
    assertThat(Printable.escape(once)).isEqualTo(once);
  }
}
