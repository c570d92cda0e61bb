package dev.slo.interop;

import java.util.ArrayList;
import java.util.List;

/** The warning lines of one conversion: {@code <slo_id>: <field>: <what happened>}. */
final class Warnings {
  private final List<String> lines = new ArrayList<>();

  void dropped(String sloId, String field, String why) {
    lines.add(sloId + ": " + field + ": dropped: " + why);
  }

  void approximated(String sloId, String field, String how) {
    lines.add(sloId + ": " + field + ": approximated: " + how);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }
}
