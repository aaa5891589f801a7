package org.citycoop.twinning.funding;

/**
 * The fields this service reads from a {@code catalog.schemes} event's data (the catalogue's scheme; other fields
 * are ignored, unknown values read as null).
 *
 * @param id scheme id
 * @param agencyId the agency
 * @param ref the agency's reference
 * @param name the scheme's name
 * @param status FORECASTED, OPEN, CLOSED or WITHDRAWN (null when the catalogue sends a value this service does not know)
 * @param version the scheme's version
 */
public record SchemeData(String id, String agencyId, String ref, String name, SchemeStatus status, Long version) {

    /** The catalogue's scheme statuses. */
    public enum SchemeStatus { FORECASTED, OPEN, CLOSED, WITHDRAWN }

    public SchemeData withStatus(SchemeStatus newStatus) {
        return new SchemeData(id, agencyId, ref, name, newStatus, version);
    }
}
