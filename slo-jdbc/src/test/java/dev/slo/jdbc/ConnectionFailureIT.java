package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.slo.core.InvalidInputException;
import dev.slo.core.SourceException;
import dev.slo.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionFailureIT {

  @Test
  void shouldRejectMalformedUrlsWithoutShowingPasswords() {
    for (String url :
        new String[] {
          "postgres://u:s3cret@host/db",
          "jdbc:mysql://host/db?password=s3cret",
          "jdbc:postgresql://host:notaport/db?password=s3cret",
          "jdbc:postgresql://host:99999/db?password=s3cret",
          "",
        }) {
      assertThatThrownBy(() -> JdbcStore.open(url, Map.of()))
          .as(url)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageNotContaining("s3cret")
          .hasMessageNotContaining("\n")
          .hasMessageContaining("jdbc:postgresql://host:port/database");
    }
  }

  @Test
  void shouldRedactPasswordsAndTakePgpasswordOnlyWhenTheUrlHasNone() {
    assertThat(JdbcUrl.redact("jdbc:postgresql://h/db?user=u&password=p;x&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
    assertThat(JdbcUrl.redact("postgres://u:pw@h/db")).isEqualTo("postgres://u:***@h/db");
    JdbcUrl withEnv =
        JdbcUrl.parse("jdbc:postgresql://h:6543/db?user=u", Map.of("PGPASSWORD", "e"));
    assertThat(withEnv.properties().getProperty("password")).isEqualTo("e");
    assertThat(withEnv.target()).isEqualTo("h:6543/db");
    JdbcUrl inUrl = JdbcUrl.parse("jdbc:postgresql://h/db?password=u", Map.of("PGPASSWORD", "e"));
    assertThat(inUrl.properties().getProperty("password")).isNull();
  }

  @Test
  void shouldReportAWrongPasswordOnOneLineWithoutIt() {
    String base = TestDatabase.baseUrl();
    assumeFalse(TestDatabase.isEmbedded(), "the embedded server trusts every password");
    String wrong = base.replaceAll("password=[^&]*", "password=Wr0ng-s3cret");
    assumeFalse(wrong.equals(base), "the test URL has no password to replace");
    assertThatThrownBy(() -> JdbcStore.open(wrong, Map.of()))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("rejected the login")
        .hasMessageContaining("check the user and password")
        .hasMessageNotContaining("Wr0ng-s3cret")
        .hasMessageNotContaining("\n");
  }

  @Test
  void shouldReportAnUnreachableServerOnOneLine() {
    assertThatThrownBy(
            () ->
                JdbcStore.open("jdbc:postgresql://127.0.0.1:1/db?user=u&password=s3cret", Map.of()))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("cannot reach PostgreSQL at 127.0.0.1:1/db")
        .hasMessageNotContaining("s3cret")
        .hasMessageNotContaining("\n");
  }

  @Test
  void shouldReportAMissingDatabase() {
    String base = TestDatabase.baseUrl();
    String missing = base.replaceFirst("(//[^/]+/)[^?]*", "$1slo_no_such_db");
    assertThatThrownBy(() -> JdbcStore.open(missing, Map.of()))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("slo_no_such_db")
        .hasMessageNotContaining("\n");
  }
}
