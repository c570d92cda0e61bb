package dev.slo.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every main package of every module is {@code @NullMarked}, so NullAway (which the build runs with
 * {@code OnlyNullMarked}) checks it: a new package without the annotation fails here, instead of
 * silently going unchecked. Walks the source tree from the reactor root.
 */
class PackagesAreNullMarkedTest {
  private static final Pattern MARKED =
      Pattern.compile("(?m)^@(org\\.jspecify\\.annotations\\.)?NullMarked\\s*$");

  @Test
  void everyMainPackageIsNullMarked() throws IOException {
    Path root = reactorRoot();
    Set<String> unmarked = new TreeSet<>();
    Set<String> marked = new TreeSet<>();
    for (Path dir : mainPackageDirs(root)) {
      String pkg = root.relativize(dir).toString();
      Path info = dir.resolve("package-info.java");
      if (Files.isRegularFile(info) && MARKED.matcher(Files.readString(info)).find()) {
        marked.add(pkg);
      } else {
        unmarked.add(pkg);
      }
    }
    assertThat(marked).as("main packages found under %s", root).hasSizeGreaterThan(20);
    assertThat(unmarked).as("main packages whose package-info.java lacks @NullMarked").isEmpty();
  }

  @Test
  void findsAPackageWithoutTheAnnotation() throws IOException {
    Path root = Files.createTempDirectory("nullmarked");
    Path marked = Files.createDirectories(root.resolve("m/src/main/java/a"));
    Files.writeString(marked.resolve("A.java"), "package a;\nclass A {}\n");
    Files.writeString(
        marked.resolve("package-info.java"),
        "@NullMarked\npackage a;\n\nimport org.jspecify.annotations.NullMarked;\n");
    Path plain = Files.createDirectories(root.resolve("m/src/main/java/b"));
    Files.writeString(plain.resolve("B.java"), "package b;\nclass B {}\n");
    Files.writeString(
        plain.resolve("package-info.java"), "/** Doc naming @NullMarked. */\npackage b;\n");
    List<Path> dirs = mainPackageDirs(root);
    assertThat(dirs).hasSize(2);
    assertThat(dirs)
        .filteredOn(
            d -> {
              try {
                return MARKED.matcher(Files.readString(d.resolve("package-info.java"))).find();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .containsExactly(marked);
  }

  /** Directories under some module's {@code src/main/java} that hold .java files. */
  private static List<Path> mainPackageDirs(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
          .filter(p -> !p.toString().replace('\\', '/').contains("/target/"))
          .map(Path::getParent)
          .distinct()
          .sorted()
          .toList();
    }
  }

  private static Path reactorRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("slo-core/pom.xml"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the reactor root above %s", Path.of("").toAbsolutePath()).isNotNull();
    return dir;
  }
}
