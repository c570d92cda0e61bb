package dev.slo.server;

import dev.slo.core.ValidationException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The settings of {@link SloServer.Builder} that say who may call the API: the write and read
 * tokens, the browser origins allowed across origins, and whether writes may stay open without a
 * token on an address other than loopback. Its only subclass is {@link TextSettings}, whose only
 * subclass is {@link SloServer.Builder}, so these are the builder's methods; they live here, with
 * the checks {@link SloServer.Builder#build} makes of them, to keep the builder's file short.
 */
abstract sealed class AccessSettings permits TextSettings {
  private @Nullable String token;
  private @Nullable String readToken;
  private List<String> origins = List.of();
  private boolean anonymousWrites;

  AccessSettings() {}

  /** Bearer token that write endpoints require; null (default) for none. */
  public SloServer.Builder token(String token) {
    this.token = token;
    return (SloServer.Builder) this;
  }

  /** Bearer token that reads require (the write token works too); null (default) for none. */
  public SloServer.Builder readToken(String token) {
    this.readToken = token;
    return (SloServer.Builder) this;
  }

  /**
   * Browser origins (such as {@code https://dash.example.com}, or {@code *}) allowed to call the
   * API across origins; by default a write with another {@code Origin} than the server's is 403.
   */
  public SloServer.Builder allowOrigins(List<String> origins) {
    this.origins = List.copyOf(origins);
    return (SloServer.Builder) this;
  }

  /**
   * True to allow writes without a token on an address other than loopback; {@link
   * SloServer.Builder#build} refuses that otherwise, since anyone who reaches the port could change
   * the SLOs.
   */
  public SloServer.Builder allowAnonymousWrites(boolean allow) {
    this.anonymousWrites = allow;
    return (SloServer.Builder) this;
  }

  /** Who may call the API, as these settings say. */
  Access access() {
    return new Access(token, readToken, Access.origins(origins));
  }

  /**
   * Checks these settings for a server to bind at {@code bind}; open writes on an address other
   * than loopback, when allowed, are warned about on {@code log}.
   *
   * @throws ValidationException naming the first bad setting ({@code token}, {@code read_token},
   *     {@code allow_origin} or {@code bind})
   */
  void checkAccess(InetSocketAddress bind, PrintWriter log) {
    if (token != null && token.isBlank()) {
      throw new ValidationException("token", "", "use a non-blank token, or none");
    }
    if (readToken != null && readToken.isBlank()) {
      throw new ValidationException("read_token", "", "use a non-blank token, or none");
    }
    SettingText.checkOrigins(origins);
    boolean open = token == null && readToken == null;
    if (open && !Access.loopback(bind.getAddress())) {
      if (!anonymousWrites) {
        throw ValidationException.withMessage(
            "bind",
            bind.getHostString(),
            bind.getHostString()
                + " is not a loopback address and no token is set, so anyone who reaches it"
                + " could write; set a token (--token-file) or allow it (--allow-anonymous-writes)");
      }
      log.println(
          "slo serve: warning: writes are open without a token on "
              + bind.getHostString()
              + ", which is not a loopback address");
      log.flush();
    }
  }
}
