package dev.slo.core.spec;

import dev.slo.core.Printable;
import dev.slo.core.correction.Correction;
import dev.slo.core.correction.Corrections;
import dev.slo.core.model.Slo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses a spec, YAML or JSON, with a top-level {@code slos:} list of SLOs in the field names.
 * Reports every problem with file, line and field. Thread-safe; no state.
 */
public final class SpecParser {
  /** The optional top-level {@code apiVersion} of this format. */
  public static final String API_VERSION = "slo.dev/v1";

  private SpecParser() {}

  /**
   * Parses a whole spec.
   *
   * @param source the file name, used in messages
   * @param text the spec's text
   * @throws SpecException listing every problem
   */
  public static Spec parse(String source, String text) {
    Node root = readRoot(source, text);
    List<SpecProblem> problems = new ArrayList<>();
    if (!(root instanceof Node.MapNode map)) {
      throw new SpecException(
          List.of(
              new SpecProblem(
                  source, root.line(), "", Node.kind(root) + " at the top; expected 'slos:'")));
    }
    FieldReader top = new FieldReader(source, "", map, problems);
    top.rejectUnknown(Set.of("slos", "corrections", "apiVersion"));
    CorrectionReader corrections = new CorrectionReader(source, problems);
    String version = top.text("apiVersion", false);
    if (version != null && !API_VERSION.equals(version.trim())) {
      top.problem(
          "apiVersion",
          "\""
              + version
              + "\" is not this format's apiVersion; use "
              + API_VERSION
              + " or leave it out");
    }
    Node slosNode = map.entries().get("slos");
    List<Slo> slos = new ArrayList<>();
    if (slosNode == null) {
      problems.add(new SpecProblem(source, map.line(), "slos", "missing; list the SLOs under it"));
    } else if (!(slosNode instanceof Node.ListNode list)) {
      problems.add(
          new SpecProblem(
              source, slosNode.line(), "slos", Node.kind(slosNode) + " is not a list of SLOs"));
    } else {
      Map<String, Integer> seen = new HashMap<>();
      List<Node> kept = new ArrayList<>();
      List<String> keptPaths = new ArrayList<>();
      for (int i = 0; i < list.items().size(); i++) {
        Node item = list.items().get(i);
        String path = "slos[" + i + "]";
        Slo slo = SloReader.slo(source, path, item, problems, corrections);
        String id = rawId(item);
        Integer first = id == null ? null : seen.putIfAbsent(id, item.line());
        if (first != null) {
          problems.add(
              new SpecProblem(
                  source,
                  item.line(),
                  path + ".slo_id",
                  Printable.quote(id) + " is a duplicate slo_id; first defined on line " + first));
        } else if (slo != null) {
          slos.add(slo);
          kept.add(item);
          keptPaths.add(path);
        }
      }
      if (problems.isEmpty()) {
        problems.addAll(CompositeSpec.check(source, keptPaths, slos, kept));
      }
    }
    if (top.has("corrections")) {
      corrections.topLevel(
          Objects.requireNonNull(map.entries().get("corrections"), "corrections"), slos);
    }
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparingInt(SpecProblem::line));
      throw new SpecException(problems);
    }
    return new Spec(source, slos, new Corrections(corrections.corrections()));
  }

  /**
   * Parses one SLO given as a JSON or YAML object (an API request body).
   *
   * @throws SpecException listing every problem
   */
  public static Slo parseSlo(String source, String text) {
    Node root = readRoot(source, text);
    List<SpecProblem> problems = new ArrayList<>();
    Slo slo = SloReader.slo(source, "", root, problems, null);
    if (slo == null || !problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return slo;
  }

  /**
   * Parses one correction given as a JSON or YAML object (a request body, or the CLI's options):
   * for the SLO {@code sloId} when given, otherwise with a {@code slo_ids} or {@code service}
   * selector naming SLOs in {@code slos}.
   *
   * @param defaultId the id when the object has none
   * @throws SpecException listing every problem
   */
  public static Correction parseCorrection(
      String source, String text, List<Slo> slos, @Nullable String sloId, String defaultId) {
    Node root = readRoot(source, text);
    List<SpecProblem> problems = new ArrayList<>();
    CorrectionReader reader = new CorrectionReader(source, problems);
    reader.single(root, slos, sloId, defaultId);
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return reader.corrections().get(0);
  }

  private static Node readRoot(String source, String text) {
    return NodeReader.read(source, text);
  }

  /** The slo_id as written, when it is text, so duplicates are found even in invalid SLOs. */
  private static @Nullable String rawId(Node item) {
    if (item instanceof Node.MapNode m
        && m.entries().get("slo_id") instanceof Node.Scalar s
        && s.value() != null) {
      return s.value() instanceof String str ? str : s.text();
    }
    return null;
  }
}
