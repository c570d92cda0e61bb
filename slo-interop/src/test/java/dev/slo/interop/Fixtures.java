package dev.slo.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The test fixtures under src/test/resources/fixtures. */
final class Fixtures {
  private Fixtures() {}

  static Path dir(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path file(String name) {
    return dir(name);
  }

  static SpecLoader.Result load(String... names) {
    return SpecLoader.load(Stream.of(names).map(Fixtures::file).toList());
  }

  /** Every valid fixture file, for round trips. */
  static List<Path> valid() {
    try (Stream<Path> s = Files.walk(dir(""))) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.toString().contains("/invalid/"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
