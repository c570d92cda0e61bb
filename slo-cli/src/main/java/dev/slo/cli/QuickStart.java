package dev.slo.cli;

import dev.slo.report.status.Format;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * {@code slo eval} and {@code slo check} with only the options a CI step passes ({@code --jdbc}
 * included), run without picocli: building its model is most of a short command's start
 * (benchmarks/README.md). Anything else (another option, an {@code @file}, {@code --}, a missing
 * value, a value starting with {@code -}, an option given twice that takes one value, a value
 * picocli would refuse) returns null before any work, and {@link Main} runs picocli, so help and
 * messages stay its own.
 */
final class QuickStart {
  private static final Set<String> INPUTS = Set.of("--spec", "--data", "--jdbc", "--at", "--slo");
  private static final Map<String, Set<String>> OPTIONS =
      Map.of("eval", Set.of("--format", "--events"), "check", Set.of("--fail-on"));

  private QuickStart() {}

  /** Runs {@code args} as picocli would, or returns null when they are not for this path. */
  static @Nullable Integer run(SloCommand root, PrintWriter out, PrintWriter err, String... args) {
    Set<String> own = args.length == 0 ? null : OPTIONS.get(args[0]);
    if (own == null) {
      return null;
    }
    Map<String, List<String>> given = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      String name = eq < 0 ? args[i] : args[i].substring(0, eq);
      String value = eq >= 0 ? args[i].substring(eq + 1) : i + 1 < args.length ? args[++i] : null;
      if (!INPUTS.contains(name) && !own.contains(name)
          || value == null
          || value.startsWith("-")
          || value.startsWith("@")) {
        return null;
      }
      List<String> values = given.get(name);
      if (values == null) {
        given.put(name, values = new ArrayList<>());
      } else if (!name.equals("--spec") && !name.equals("--slo")) {
        return null;
      }
      values.add(value);
    }
    Inputs in = new Inputs();
    Subcommand command;
    Callable<Integer> call;
    try {
      if (given.containsKey("--spec")) {
        in.spec = new ArrayList<>();
        for (String s : given.getOrDefault("--spec", List.of())) {
          in.spec.add(Path.of(s));
        }
      }
      in.data = path(one(given, "--data"));
      in.jdbc.url = one(given, "--jdbc");
      in.at = one(given, "--at");
      in.slo.addAll(given.getOrDefault("--slo", List.of()));
      if (args[0].equals("eval")) {
        EvalCommand e = new EvalCommand();
        e.format = constant(Format.class, one(given, "--format"), Format.TABLE);
        e.events = path(one(given, "--events"));
        e.inputs = in;
        e.parent = root;
        command = e;
        call = e;
      } else {
        CheckCommand c = new CheckCommand();
        c.failOn =
            constant(
                CheckCommand.FailOn.class, one(given, "--fail-on"), CheckCommand.FailOn.CRITICAL);
        c.inputs = in;
        c.parent = root;
        command = c;
        call = c;
      }
    } catch (IllegalArgumentException e) { // also InvalidPathException
      return null; // a bad path or constant: picocli says what is wrong with it
    }
    in.err = err;
    command.streams(out, err);
    try {
      return call.call();
    } catch (Exception e) {
      return Main.failed(e, err);
    }
  }

  private static @Nullable String one(Map<String, List<String>> given, String name) {
    List<String> values = given.get(name);
    return values == null ? null : values.get(0);
  }

  private static @Nullable Path path(@Nullable String value) {
    return value == null ? null : Path.of(value);
  }

  /**
   * The constant named by {@code value} in any case, as picocli matches it; the default for none.
   */
  private static <E extends Enum<E>> E constant(Class<E> type, @Nullable String value, E absent) {
    return value == null ? absent : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
  }
}
