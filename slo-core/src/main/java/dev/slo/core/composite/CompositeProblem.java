package dev.slo.core.composite;

/**
 * One thing wrong with a composite in a list of SLOs.
 *
 * @param sloIndex the index of the composite SLO in the list checked
 * @param componentIndex the index of the offending component, or -1 for the composite as a whole
 * @param field the field path inside that SLO, e.g. {@code composite.components[1].slo_id}
 * @param message what is wrong, leading with the bad value
 */
public record CompositeProblem(int sloIndex, int componentIndex, String field, String message) {}
