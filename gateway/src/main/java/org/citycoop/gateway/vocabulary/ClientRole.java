package org.citycoop.gateway.vocabulary;

/**
 * The role of an API client; the services know it from the {@code groups} claim of the gateway's
 * token (their {@code org.citycoop.platform.security.Roles}). Callers without a key get the
 * {@code PUBLIC} role, which no client has. Read from JSON as written only (the platform's strict JSON: no spaces or
 * control characters trimmed off, no other case, no number), an unknown value refused with the allowed ones.
 */
public enum ClientRole {
    /** The network's secretariat: everything, API clients included. */
    SECRETARIAT_ADMIN,
    /** An agency's system: its own agency's schemes; bound to one agency id. */
    AGENCY_EDITOR,
    /** A city's staff or system: its cities' arrangements and needs; bound to GeoNames city ids. */
    CITY_EDITOR,
    /** A partner portal: reads, matching, its own saved needs and subscriptions. */
    PARTNER_PORTAL
}
