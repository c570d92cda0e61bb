package dev.slo.core.spec;

import dev.slo.core.correction.Correction;
import dev.slo.core.model.Slo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A new correction as text, the way a command line or a form gives it, before the rules of a spec's
 * {@code corrections:} entry are applied ({@link CorrectionFields#parse}). Every field but {@code
 * start} may be absent (null, or an empty {@code sloIds}); which combinations are valid (an {@code
 * end} or a {@code duration}, SLO ids or a service) is decided by {@link #parse}, not here.
 *
 * @param sloIds the {@code slo_ids} it applies to, in the order given; empty for none
 * @param service the {@code service} whose every SLO it applies to, or null
 * @param id its {@code id}, or null for the default id {@link #parse} is given
 * @param start the {@code start}: an instant with offset, or local in {@code timeZone}
 * @param end the {@code end}, or null
 * @param duration the {@code duration} of each occurrence (e.g. {@code 2h}), or null
 * @param timeZone the IANA {@code time_zone}, or null for UTC
 * @param category the {@code category} label, or null for {@code other}
 * @param description the free-text {@code description}, or null
 * @param rrule the RFC 5545 {@code rrule}, or null for a one-off correction
 */
public record CorrectionInput(
    List<String> sloIds,
    @Nullable String service,
    @Nullable String id,
    String start,
    @Nullable String end,
    @Nullable String duration,
    @Nullable String timeZone,
    @Nullable String category,
    @Nullable String description,
    @Nullable String rrule) {

  /** Copies {@code sloIds}; a null list counts as empty. */
  public CorrectionInput {
    sloIds = sloIds == null ? List.of() : List.copyOf(sloIds);
  }

  /**
   * The fields by their spec names, in a fixed order (slo_ids, service, id, start, end, duration,
   * time_zone, category, description, rrule), absent ones as null: the order in which problems are
   * reported.
   */
  public Map<String, @Nullable Object> fields() {
    Map<String, @Nullable Object> f = new LinkedHashMap<>();
    f.put("slo_ids", sloIds);
    f.put("service", service);
    f.put("id", id);
    f.put("start", start);
    f.put("end", end);
    f.put("duration", duration);
    f.put("time_zone", timeZone);
    f.put("category", category);
    f.put("description", description);
    f.put("rrule", rrule);
    return f;
  }

  /**
   * The correction, read by the rules of a spec's {@code corrections:} entry.
   *
   * @param source what the fields came from, for messages (e.g. {@code options})
   * @param slos the SLOs a {@code slo_ids} or {@code service} selector may name
   * @param defaultId the id when {@link #id} is null
   * @throws SpecException listing every problem, each naming its field (see {@link
   *     CorrectionFields#describe})
   */
  public Correction parse(String source, List<Slo> slos, String defaultId) {
    return CorrectionFields.parse(source, fields(), slos, defaultId);
  }
}
