/**
 * Who may do what in a service: the gateway turns an API key into a short-lived RS256 JWT (subject =
 * the API client's name, {@code groups} = its {@link org.citycoop.platform.security.Roles}, a
 * {@code bindings} claim) and every service verifies it with SmallRye JWT (issuer, audience, expiry,
 * signature with the gateway's public key). A request without a valid token gets a 401 problem, a
 * caller without the role or binding a 403 problem ({@link org.citycoop.platform.problem.ProblemMappers}).
 *
 * <p>Each service's application.properties holds the same block: {@code mp.jwt.verify.issuer},
 * {@code mp.jwt.verify.audiences}, {@code mp.jwt.verify.publickey.location} (set by the launcher and
 * the test resource), {@code quarkus.http.auth.proactive=false} (so that authentication failures reach
 * the problem mappers) and {@code quarkus.security.jaxrs.default-roles-allowed=SECRETARIAT_ADMIN}.
 */
package org.citycoop.platform.security;
