package org.citycoop.gateway.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The role of an API client; the services know it from the {@code groups} claim of the gateway's
 * token (their {@code org.citycoop.platform.security.Roles}). Callers without a key get the
 * {@code PUBLIC} role, which no client has.
 */
public enum ClientRole {
    /** The network's secretariat: everything, API clients included. */
    SECRETARIAT_ADMIN,
    /** An agency's system: its own agency's schemes; bound to one agency id. */
    AGENCY_EDITOR,
    /** A city's staff or system: its cities' arrangements and needs; bound to GeoNames city ids. */
    CITY_EDITOR,
    /** A partner portal: reads, matching, its own saved needs and subscriptions. */
    PARTNER_PORTAL;

    /** The names, for error messages. */
    public static final String ALLOWED = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    /**
     * The role named exactly (Jackson's own reading trims spaces and control characters, so that
     * {@code " SECRETARIAT_ADMIN"} would be an admin).
     */
    @JsonCreator
    public static ClientRole of(String name) {
        for (ClientRole role : values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown value '" + (name == null ? "null" : name.replaceAll("[^\\x20-\\x7e]", "?")) + "'");
    }
}
