package dev.slo.jdbc;

import dev.slo.core.InvalidInputException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * A parsed PostgreSQL JDBC URL with its connection properties. The password comes from the URL or,
 * when the URL has none, from {@code PGPASSWORD}. Only {@link #target()} and {@link #redacted()}
 * may be printed. Immutable.
 *
 * @param url the URL as given
 * @param properties connection properties, including credentials; never print them
 * @param target {@code host:port/database}, without credentials
 */
record JdbcUrl(String url, Properties properties, String target) {
  private static final Pattern SECRET =
      Pattern.compile("(?i)((?:ssl)?password=)[^&]*|(//[^/:@]*:)[^/@]*@");
  private static final Pattern HOSTS = Pattern.compile("^jdbc:postgresql://([^/?]*)");

  /** Copies the properties. */
  JdbcUrl {
    Properties copy = new Properties();
    copy.putAll(properties);
    properties = copy;
  }

  /**
   * Parses a URL of the form {@code jdbc:postgresql://host:port/db?user=...&password=...}.
   *
   * @throws InvalidInputException when the URL is not a PostgreSQL JDBC URL
   */
  static JdbcUrl parse(String url, Map<String, String> env) {
    if (url == null || url.isBlank()) {
      throw new InvalidInputException(
          "no JDBC URL given: use jdbc:postgresql://host:port/database?user=NAME");
    }
    String shown = redact(url);
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new InvalidInputException(
          "\""
              + shown
              + "\" is not a PostgreSQL JDBC URL: use"
              + " jdbc:postgresql://host:port/database?user=NAME");
    }
    java.util.regex.Matcher hosts = HOSTS.matcher(url);
    if (hosts.find()) {
      if (hosts.group(1).contains("@")) {
        throw new InvalidInputException(
            "\""
                + shown
                + "\" is not a valid PostgreSQL JDBC URL: user and password go in parameters"
                + " (jdbc:postgresql://host:port/database?user=NAME&password=...) or PGPASSWORD,"
                + " not before the host");
      }
      for (String host : hosts.group(1).split(",")) {
        String port = host.matches(".*:[^\\]]*") ? host.substring(host.lastIndexOf(':') + 1) : "";
        if (!port.isEmpty() && (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535)) {
          throw new InvalidInputException(
              "\""
                  + shown
                  + "\" is not a valid PostgreSQL JDBC URL: port "
                  + port
                  + " is not a number from 1 to 65535"
                  + " (jdbc:postgresql://host:port/database?user=NAME)");
        }
      }
    }
    Properties parsed;
    try {
      parsed = Driver.parseURL(url, new Properties());
    } catch (RuntimeException e) {
      parsed = null;
    }
    if (parsed == null || url.contains("\n") || url.contains("\r")) {
      throw new InvalidInputException(
          "\""
              + shown.replace("\n", "\\n").replace("\r", "\\r")
              + "\" is not a valid PostgreSQL JDBC URL: check host, port and parameters"
              + " (jdbc:postgresql://host:port/database?user=NAME)");
    }
    checkChoices(shown, parsed);
    String port = parsed.getProperty("PGPORT", "5432");
    Properties props = new Properties();
    String password = env.get("PGPASSWORD");
    if (password != null && !parsed.containsKey("password")) {
      props.setProperty("password", password);
    }
    props.setProperty("ApplicationName", "slo");
    if (!parsed.containsKey("connectTimeout")) {
      props.setProperty("connectTimeout", "10");
    }
    String target =
        parsed.getProperty("PGHOST", "localhost")
            + ":"
            + port
            + "/"
            + parsed.getProperty("PGDBNAME", "");
    return new JdbcUrl(url, props, target);
  }

  /** Refuses a parameter outside the driver's closed set of values, such as {@code sslmode}. */
  private static void checkChoices(String shown, Properties parsed) {
    for (PGProperty p : PGProperty.values()) {
      String[] choices = p.getChoices();
      String value = parsed.getProperty(p.getName());
      if (choices == null || choices.length == 0 || value == null) {
        continue;
      }
      if (!Arrays.asList(choices).contains(value)) {
        throw new InvalidInputException(
            "\""
                + shown
                + "\" is not a valid PostgreSQL JDBC URL: "
                + p.getName()
                + "="
                + StorableText.printable(value)
                + " is not one of "
                + String.join(", ", choices));
      }
    }
  }

  /** The URL with passwords replaced by {@code ***}. */
  String redacted() {
    return redact(url);
  }

  static String redact(String url) {
    return SECRET
        .matcher(url)
        .replaceAll(m -> m.group(1) != null ? m.group(1) + "***" : m.group(2) + "***@");
  }
}
