package dev.slo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The training run of the {@code ./slo} launcher's class data sharing archive ({@code
 * -XX:ArchiveClassesAtExit}): loads, without initializing, the classes listed in {@code
 * cds-classes.txt} (those a store evaluation needs, which the training run cannot reach without a
 * database), then runs {@link Main} with the arguments. Every class loaded by then goes into the
 * archive, so later starts map them instead of reading, parsing and verifying them. Not for users.
 */
public final class CdsTraining {
  private CdsTraining() {}

  /** Loads the listed classes, then runs {@code slo} with {@code args} and exits with its code. */
  public static void main(String[] args) throws IOException {
    ClassLoader loader = CdsTraining.class.getClassLoader();
    int loaded = 0;
    try (InputStream in = CdsTraining.class.getResourceAsStream("cds-classes.txt")) {
      String list = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : list.split("\n")) {
        String name = line.strip();
        if (name.isEmpty() || name.startsWith("#")) {
          continue;
        }
        try {
          Class.forName(name, false, loader);
          loaded++;
        } catch (ClassNotFoundException | LinkageError e) {
          // gone from this build (a dependency changed): only costs speed
        }
      }
    }
    if (Boolean.getBoolean("slo.cds.verbose")) {
      System.err.println("slo: class data sharing training loaded " + loaded + " listed classes");
    }
    Main.main(args);
  }
}
