package dev.slo.interop;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.Slo;
import dev.slo.core.spec.Spec;
import dev.slo.core.spec.SpecException;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.spec.SpecProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads specs in every supported format, mixed, from files and directories, into slo SLOs. Each
 * YAML document is detected from its {@code apiVersion} (or Sloth's {@code version}) and kind;
 * OpenSLO references are resolved across all files. Thread-safe; no state.
 */
public final class SpecLoader {
  private SpecLoader() {}

  /**
   * What was read: the SLOs in file order, and every error and warning.
   *
   * @param loaded the SLOs with their origin; only those without errors
   * @param problems errors (the spec is unusable when there is one) and warnings
   * @param sources every file read, in order
   * @param corrections the corrections of native spec files (other formats have none)
   * @param correctionsPerSource how many corrections each native file holds
   */
  public record Result(
      List<Loaded> loaded,
      Problems problems,
      List<String> sources,
      List<dev.slo.core.correction.Correction> corrections,
      Map<String, Integer> correctionsPerSource) {
    /** Copies the lists. */
    public Result {
      loaded = List.copyOf(loaded);
      sources = List.copyOf(sources);
      corrections = List.copyOf(corrections);
      correctionsPerSource = Map.copyOf(correctionsPerSource);
    }

    /** The SLOs. */
    public List<Slo> slos() {
      return loaded.stream().map(Loaded::slo).toList();
    }

    /**
     * The SLOs as a core spec.
     *
     * @throws SpecException listing every error, when there is one
     */
    public Spec spec(String source) {
      if (problems.hasErrors()) {
        throw new SpecException(problems.errors());
      }
      return new Spec(source, slos(), new dev.slo.core.correction.Corrections(corrections));
    }
  }

  /**
   * The spec the files and directories hold ({@link #load}), named by their paths joined with
   * {@code ", "}; every warning goes to {@code warnings} first, in order, also when there are
   * errors.
   *
   * @throws InvalidInputException naming a path that is missing or unreadable
   * @throws SpecException listing every error
   */
  public static Spec spec(List<Path> paths, Consumer<SpecProblem> warnings) {
    Result r = load(paths);
    r.problems().warnings().forEach(warnings);
    return r.spec(paths.stream().map(Path::toString).collect(Collectors.joining(", ")));
  }

  /**
   * Reads files and directories (every {@code .yaml}, {@code .yml} and {@code .json} file under a
   * directory, in name order).
   *
   * @throws InvalidInputException naming a path that is missing or unreadable
   */
  public static Result load(List<Path> paths) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(p)) {
          files = s.filter(Files::isRegularFile).filter(SpecLoader::isSpecFile).sorted().toList();
        } catch (IOException e) {
          throw new InvalidInputException(p + ": cannot be read: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
          throw new InvalidInputException(p + ": the directory holds no .yaml, .yml or .json file");
        }
        for (Path f : files) {
          texts.put(f.toString(), read(f));
        }
      } else {
        texts.put(p.toString(), read(p));
      }
    }
    return read(texts);
  }

  private static boolean isSpecFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private static String read(Path p) {
    if (!Files.exists(p)) {
      throw new InvalidInputException(p + ": no such file");
    }
    int max = dev.slo.core.spec.SpecLimits.MAX_SPEC_CHARS;
    try (java.io.Reader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        sb.append(buf, 0, n);
        if (sb.length() > max) {
          throw new InvalidInputException(
              dev.slo.core.Printable.escape(p.toString())
                  + ": more than "
                  + max
                  + " characters; a spec may hold at most "
                  + max
                  + " (see docs/limits.md)");
        }
      }
      return sb.toString();
    } catch (IOException e) {
      throw new InvalidInputException(p + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** Reads texts keyed by their source name, in the map's order. */
  public static Result read(Map<String, String> texts) {
    return read(texts, true);
  }

  /** As {@link #read(Map)}; {@code oneParse} false reads every file the long way (for tests). */
  static Result read(Map<String, String> texts, boolean oneParse) {
    Problems problems = new Problems();
    OpenSloReader openslo = new OpenSloReader(problems);
    List<Loaded> out = new ArrayList<>();
    List<dev.slo.core.correction.Correction> corrections = new ArrayList<>();
    Map<String, Integer> perSource = new java.util.HashMap<>();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      int before = corrections.size();
      readFile(e.getKey(), e.getValue(), oneParse, problems, openslo, out, corrections);
      perSource.put(e.getKey(), corrections.size() - before);
    }
    out.addAll(openslo.build());
    return new Result(
        unique(out, problems), problems, List.copyOf(texts.keySet()), corrections, perSource);
  }

  private static void readFile(
      String source,
      String text,
      boolean oneParse,
      Problems problems,
      OpenSloReader openslo,
      List<Loaded> out,
      List<dev.slo.core.correction.Correction> corrections) {
    if (oneParse && mayBeNative(text)) {
      // One parse for our own format: the core reader is stricter than the document reader below
      // (limits, one document, known top-level keys), so a spec it accepts is a native one alone
      // in its file, read just as below. Anything it refuses is read again below, so problems are
      // reported as before.
      try {
        Spec s = SpecParser.parse(source, text);
        s.slos().forEach(slo -> out.add(new Loaded(slo, Format.NATIVE, source, 0)));
        corrections.addAll(s.corrections().all());
        return;
      } catch (SpecException e) {
        // read below
      }
    }
    List<YamlDocuments.Doc> docs;
    try {
      docs = YamlDocuments.read(source, text);
    } catch (SpecException e) {
      problems.addAll(e);
      return;
    }
    if (docs.isEmpty()) {
      problems.error(source, 0, "", "the file is empty; expected an SLO spec");
      return;
    }
    boolean nativeSpec =
        docs.get(0).root() instanceof YNode.YMap m
            && m.get("slos") != null
            && m.get("kind") == null
            && m.get("version") == null;
    if (nativeSpec) {
      if (docs.size() > 1) {
        problems.error(
            source,
            docs.get(1).root().line(),
            "",
            "a spec with a top-level 'slos:' list must be the only document in its file");
        return;
      }
      try {
        Spec s = SpecParser.parse(source, text);
        s.slos().forEach(slo -> out.add(new Loaded(slo, Format.NATIVE, source, 0)));
        corrections.addAll(s.corrections().all());
      } catch (SpecException ex) {
        problems.addAll(ex);
      }
      return;
    }
    SlothReader.Windows slothWindows = null;
    for (YamlDocuments.Doc d : docs) {
      if (d.root() instanceof YNode.YMap m
          && m.get("kind") instanceof YNode.YScalar k
          && "AlertWindows".equals(k.value())) {
        slothWindows = SlothReader.alertWindows(new Fields(source, "", m, problems));
      }
    }
    for (YamlDocuments.Doc d : docs) {
      Fields root = Fields.root(source, d.root(), problems);
      if (root == null) {
        continue;
      }
      String version =
          root.has("apiVersion") ? root.text("apiVersion", false) : root.text("version", false);
      String key = root.has("apiVersion") ? "apiVersion" : "version";
      Format f = Format.of(version);
      if (f == null) {
        if (version == null) {
          root.error(
              null,
              "no apiVersion (or Sloth's version) and no 'slos:' list: cannot tell the format; known: "
                  + Format.known());
        } else {
          root.error(
              key, "\"" + version + "\" is not a format slo reads; known: " + Format.known());
        }
        continue;
      }
      switch (f) {
        case NATIVE ->
            root.error(
                key,
                "a slo.dev/v1 spec needs a top-level 'slos:' list and must be alone in its file");
        case OPENSLO_V1, OPENSLO_V2ALPHA -> openslo.add(f, root);
        case OPENSLO_V1ALPHA -> out.addAll(OpenSloV1alphaReader.read(root));
        case SLOTH -> out.addAll(SlothReader.read(root, false, slothWindows));
        case SLOTH_K8S -> {
          if (!"AlertWindows".equals(root.text("kind", false))) {
            out.addAll(SlothReader.read(root, true, slothWindows));
          }
        }
        case PYRRA -> out.addAll(PyrraReader.read(root));
      }
    }
  }

  /** A cheap look for a top-level {@code slos} key, YAML or JSON; a wrong guess costs a parse. */
  private static boolean mayBeNative(String text) {
    return text.startsWith("slos:") || text.contains("\nslos:") || text.contains("\"slos\"");
  }

  private static List<Loaded> unique(List<Loaded> all, Problems problems) {
    Map<String, Loaded> seen = new HashMap<>();
    List<Loaded> out = new ArrayList<>();
    for (Loaded l : all) {
      Loaded first = seen.putIfAbsent(l.slo().sloId(), l);
      if (first != null) {
        problems.error(
            l.source(),
            l.line(),
            "",
            "\""
                + l.slo().sloId()
                + "\" is a duplicate slo_id; first defined at "
                + first.source()
                + ":"
                + first.line());
      } else {
        out.add(l);
      }
    }
    return out;
  }
}
