package dev.slo.interop;

import org.jspecify.annotations.Nullable;

/** The spec formats slo reads, detected from {@code apiVersion}/{@code version} and kind. */
public enum Format {
  /** slo's own format: a top-level {@code slos:} list, optional {@code apiVersion: slo.dev/v1}. */
  NATIVE("slo.dev/v1"),
  /** OpenSLO v1, every kind. */
  OPENSLO_V1("openslo/v1"),
  /** OpenSLO v1alpha SLOs (the version Sloth reads). */
  OPENSLO_V1ALPHA("openslo/v1alpha"),
  /** OpenSLO v2alpha (draft). */
  OPENSLO_V2ALPHA("openslo.com/v2alpha"),
  /** Sloth's {@code version: prometheus/v1} file. */
  SLOTH("prometheus/v1"),
  /** Sloth's Kubernetes {@code PrometheusServiceLevel}. */
  SLOTH_K8S("sloth.slok.dev/v1"),
  /** Pyrra's Kubernetes {@code ServiceLevelObjective}. */
  PYRRA("pyrra.dev/v1alpha1");

  private final String version;

  Format(String version) {
    this.version = version;
  }

  /** The apiVersion (or Sloth's version) that names it. */
  public String version() {
    return version;
  }

  /** The format of a document with this apiVersion (or version), or null. */
  static @Nullable Format of(@Nullable String apiVersion) {
    if (apiVersion == null) {
      return null;
    }
    String v = apiVersion.trim();
    if (v.equals("openslo/v2alpha")) {
      return OPENSLO_V2ALPHA;
    }
    for (Format f : values()) {
      if (f.version.equals(v)) {
        return f;
      }
    }
    return null;
  }

  /** Every apiVersion slo reads, for messages. */
  static String known() {
    StringBuilder b = new StringBuilder();
    for (Format f : values()) {
      b.append(b.length() == 0 ? "" : ", ").append(f.version);
    }
    return b.toString();
  }
}
