package dev.slo.interop;

import dev.slo.core.model.Slo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * OpenSLO v1 (and v2alpha, whose field names differ slightly) objects of every kind, collected
 * across all files given and resolved by reference ({@code indicatorRef}, {@code metricSourceRef},
 * {@code alertPolicyRef}, {@code conditionRef}, {@code targetRef}). Not thread-safe: add every
 * document, then {@link #build}.
 */
final class OpenSloReader {
  static final Set<String> KINDS =
      Set.of(
          "SLO",
          "SLI",
          "Service",
          "DataSource",
          "AlertPolicy",
          "AlertCondition",
          "AlertNotificationTarget");

  /** One object: its format, kind, name and fields. */
  record Obj(Format format, String kind, String name, Fields root) {
    boolean v2() {
      return format == Format.OPENSLO_V2ALPHA;
    }
  }

  private final Problems problems;
  private final Map<String, Map<String, Obj>> byKind = new HashMap<>();
  private final List<Obj> slos = new ArrayList<>();

  OpenSloReader(Problems problems) {
    this.problems = problems;
  }

  /** Adds one document. */
  void add(Format format, Fields root) {
    String kind = root.text("kind", true);
    Fields meta = root.map("metadata", true);
    if (kind == null || meta == null) {
      return;
    }
    if (!KINDS.contains(kind)) {
      root.error(
          "kind",
          "\""
              + kind
              + "\" is not an OpenSLO kind; use one of "
              + String.join(", ", new java.util.TreeSet<>(KINDS)));
      return;
    }
    String name = meta.text("name", true);
    if (name == null || !validName(meta, name)) {
      return;
    }
    Obj o = new Obj(format, kind, name, root);
    Obj first = byKind.computeIfAbsent(kind, k -> new HashMap<>()).putIfAbsent(name, o);
    if (first != null) {
      String where = first.root().source + ":" + first.root().map.line();
      if (Set.of("SLO", "SLI", "DataSource").contains(kind)) {
        meta.error(
            "name", "\"" + name + "\" is a duplicate " + kind + " name; first defined at " + where);
      } else {
        meta.warn(
            "name",
            "\""
                + name
                + "\" is a duplicate "
                + kind
                + " name; this one is ignored, the first is at "
                + where);
      }
      return;
    }
    root.rejectUnknown(Set.of("apiVersion", "kind", "metadata", "spec"));
    if (kind.equals("SLO")) {
      slos.add(o);
    }
  }

  /**
   * Looks up a referenced object. A missing SLI is an error (the SLO cannot be built); a missing
   * DataSource, alert policy, condition or notification target is a warning, since slo can go on
   * without it.
   */
  @Nullable Obj ref(String kind, @Nullable String name, Fields f, String key) {
    if (name == null) {
      return null; // the missing name is reported where it was read
    }
    Obj o = byKind.getOrDefault(kind, Map.of()).get(name);
    if (o == null) {
      String msg =
          "\""
              + name
              + "\" is not a known "
              + kind
              + "; define a "
              + kind
              + " with that metadata.name in one of the files given";
      if (kind.equals("SLI")) {
        f.error(key, msg);
      } else {
        f.warn(
            key,
            msg
                + (kind.equals("DataSource")
                    ? "; without it the source type is unknown"
                    : "; slo does not use it"));
      }
    }
    return o;
  }

  /**
   * Checks an object name: RFC 1123 labels must be accepted; slo also accepts upper case, dots and
   * underscores, but nothing else (no spaces).
   */
  static boolean validName(Fields meta, String name) {
    if (name.length() > 253 || !name.matches("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?")) {
      meta.error(
          "name",
          "\""
              + name
              + "\" is not a valid name: use letters, digits and '-' (RFC 1123), starting and"
              + " ending with a letter or digit");
      return false;
    }
    return true;
  }

  /** Every SLO, after checking the objects no SLO refers to as well. */
  List<Loaded> build() {
    List<Loaded> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Obj>> e : byKind.entrySet()) {
      for (Obj o : e.getValue().values()) {
        checkShape(o);
      }
    }
    for (Obj o : slos) {
      out.addAll(new OpenSloSlo(this, o).build());
    }
    return out;
  }

  private void checkShape(Obj o) {
    Fields spec = o.root().map("spec", !o.kind().equals("Service"));
    if (spec == null) {
      return;
    }
    switch (o.kind()) {
      case "DataSource" -> {
        spec.rejectUnknown(Set.of("description", "type", "connectionDetails", "spec"));
        spec.text("type", !o.v2());
      }
      case "Service" -> spec.rejectUnknown(Set.of("description"));
      case "AlertNotificationTarget" -> {
        spec.rejectUnknown(Set.of("description", "target"));
        spec.text("target", true);
      }
      case "AlertCondition" -> AlertPolicies.checkCondition(spec);
      case "AlertPolicy" -> AlertPolicies.checkPolicy(this, spec);
      case "SLI" -> spec.rejectUnknown(Set.of("description", "thresholdMetric", "ratioMetric"));
      default -> {}
    }
  }

  Problems problems() {
    return problems;
  }

  static Slo.Builder builder() {
    return Slo.builder();
  }
}
