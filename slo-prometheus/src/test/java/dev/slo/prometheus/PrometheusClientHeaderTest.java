package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The client refuses headers that would break a request or smuggle another header in. */
class PrometheusClientHeaderTest {
  private static PrometheusClient.Builder builder() {
    return PrometheusClient.builder(URI.create("http://127.0.0.1:9090"));
  }

  @Test
  void shouldRefuseAValueWithCrLfWithoutEchoingIt() {
    assertThatThrownBy(() -> builder().header("X-A", "secret\r\nX-Injected: 1").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "header \"X-A\": its value holds a CR, LF or other control character; a header value"
                + " is one line of text")
        .hasMessageNotContaining("secret");
  }

  @Test
  void shouldRefuseANameThatIsNotAToken() {
    assertThatThrownBy(() -> builder().header("X A\n", "v").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("header \"X A\\n\" is not a valid header name");
  }

  @Test
  void shouldRefuseAHeaderTheHttpClientSetsItself() {
    assertThatThrownBy(() -> builder().header("Host", "evil").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("header \"Host\" cannot be set: the HTTP client sends it itself");
  }

  @Test
  void shouldRefuseABearerTokenWithANewline() {
    assertThatThrownBy(() -> builder().bearerToken("abc\ndef").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("header \"Authorization\": its value holds a CR, LF");
  }
}
