package org.citycoop.matching.readmodel;

/**
 * An agency as the catalogue publishes it in {@code org.citycoop.catalog.agency.*.v1} events: the fields shown
 * beside its schemes in match results.
 *
 * @param id agency slug, for example {@code unep-ietc}
 * @param name full name
 * @param acronym short name, for example {@code UNEP-IETC}
 * @param version the catalogue's version of the agency
 */
public record AgencyData(String id, String name, String acronym, Long version) {
}
