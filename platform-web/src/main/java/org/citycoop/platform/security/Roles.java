package org.citycoop.platform.security;

/**
 * The roles the gateway puts in a caller's token ({@code groups} claim), and how the services use them
 * with {@code @RolesAllowed}:
 *
 * <ul>
 *   <li>every {@code /v1} endpoint needs a valid token; an endpoint without a role annotation is
 *       {@link #ADMIN} only ({@code quarkus.security.jaxrs.default-roles-allowed}), so a new endpoint is
 *       closed until it says who may call it;</li>
 *   <li>public reads carry {@code @RolesAllowed(Roles.ANYONE)} (anonymous callers get a token with the
 *       {@link #PUBLIC} role from the gateway);</li>
 *   <li>writes name their roles, for example {@code @RolesAllowed({Roles.ADMIN, Roles.AGENCY_EDITOR})}, and
 *       check ownership with {@link BoundTo} (owner in the path) or {@link Caller#requireAnyBound} (owners in the body).</li>
 * </ul>
 */
public final class Roles {

    /** The network's secretariat: everything, including API clients at the gateway. */
    public static final String ADMIN = "SECRETARIAT_ADMIN";
    /** An agency's system: changes its own agency's schemes (bound to one agency id). */
    public static final String AGENCY_EDITOR = "AGENCY_EDITOR";
    /** A city's staff or system: changes its own cities' arrangements and needs (bound to city ids). */
    public static final String CITY_EDITOR = "CITY_EDITOR";
    /** A partner portal: reads, matching, its own saved needs and subscriptions. */
    public static final String PARTNER_PORTAL = "PARTNER_PORTAL";
    /** An anonymous caller: public reads only. */
    public static final String PUBLIC = "PUBLIC";
    /** Any caller with a valid token, anonymous public included (Quarkus' "any authenticated identity"). */
    public static final String ANYONE = "**";

    private Roles() {
    }
}
