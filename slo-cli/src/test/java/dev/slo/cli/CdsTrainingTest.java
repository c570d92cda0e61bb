package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdsTrainingTest {

  @Test
  void shouldListOnlyClassesThatThisBuildCanLoad() throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = CdsTraining.class.getResourceAsStream("cds-classes.txt")) {
      assertThat(in).as("cds-classes.txt on the class path").isNotNull();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          names.add(line.strip());
        }
      }
    }
    // the store path: the driver and the store's own classes
    assertThat(names)
        .contains("org.postgresql.Driver", "dev.slo.jdbc.Db", "dev.slo.jdbc.BatchCounts");
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      try {
        Class.forName(name, false, CdsTraining.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        missing.add(name);
      }
    }
    assertThat(missing).as("stale names: regenerate with benchmarks/cds-classes.sh").isEmpty();
  }
}
