package dev.slo.server;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.GroupId;
import dev.slo.core.model.Slo;
import org.jspecify.annotations.Nullable;

/**
 * The group SLO a group id names, for reads of a fleet replica that does not own the grouped SLO
 * (docs/serve.md, "Grouped SLOs"): the owner saved the group's snapshot under its id. Stateless.
 */
final class GroupReads {
  private GroupReads() {}

  /** The group of {@code template} named by {@code groupId}; null when it names none. */
  static @Nullable Slo group(Slo template, String groupId) {
    try {
      Slo g = template.forGroup(GroupId.parse(groupId).labels());
      return g.sloId().equals(groupId) ? g : null;
    } catch (InvalidInputException e) {
      return null;
    }
  }
}
