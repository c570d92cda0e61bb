package dev.slo.server;

import dev.slo.core.ValidationException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The checks behind {@link SloServer.Builder}'s settings, for values given as numbers or as text
 * ({@code 30s}, {@code https://hooks.example.com/slo}). Each refuses a bad value with a {@link
 * ValidationException} whose field is the setting's snake_case name and whose message leads with
 * the value and says what to use instead, without naming the field: {@code 0: use at least 1}. A
 * command line prefixes its own flag ({@code --threads 0: use at least 1}); a service can prefix
 * the field, or its own key.
 */
final class SettingText {
  private SettingText() {}

  /**
   * {@code n} when it is 1 or more.
   *
   * @throws ValidationException for {@code field}: {@code 0: use at least 1}
   */
  static int atLeastOne(String field, int n) {
    if (n < 1) {
      throw ValidationException.withMessage(field, n, n + ": use at least 1");
    }
    return n;
  }

  /**
   * {@code port} when it is 0 to 65535 (0 picks a free port).
   *
   * @throws ValidationException for {@code port}: {@code 70000: use 0 to 65535}
   */
  static int port(int port) {
    if (port < 0 || port > 65_535) {
      throw ValidationException.withMessage("port", port, port + ": use 0 to 65535");
    }
    return port;
  }

  /**
   * An absolute {@code http://} or {@code https://} URL with a host.
   *
   * @throws ValidationException for {@code field}: {@code ftp://x: use an http:// or https:// URL},
   *     or {@code http://: not a URL: <why>}
   */
  static URI httpUrl(String field, String text) {
    URI u;
    try {
      u = new URI(text);
    } catch (URISyntaxException e) {
      throw ValidationException.withMessage(field, text, text + ": not a URL: " + e.getMessage());
    }
    if (!EventSinks.isHttp(u)) {
      throw ValidationException.withMessage(field, text, text + ": use an http:// or https:// URL");
    }
    return u;
  }

  /**
   * The token in {@code file}: its UTF-8 text with surrounding white space removed.
   *
   * @throws ValidationException for {@code field} when the file cannot be read or holds only white
   *     space: {@code /etc/slo/token: the file is empty}
   */
  static String token(String field, Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw ValidationException.withMessage(field, file, file + ": cannot be read: " + e);
    }
    if (text.isEmpty()) {
      throw ValidationException.withMessage(field, file, file + ": the file is empty");
    }
    return text;
  }

  /**
   * Refuses an origin other than {@code *} or {@code scheme://host[:port]}.
   *
   * @throws ValidationException for {@code allow_origin}, naming the first bad origin
   */
  static void checkOrigins(List<String> origins) {
    for (String o : origins) {
      if (!o.equals("*") && !o.matches("(?i)https?://[a-z0-9.\\[\\]:-]+")) {
        throw new ValidationException(
            "allow_origin", o, "use an origin such as https://dash.example.com, or *");
      }
    }
  }
}
