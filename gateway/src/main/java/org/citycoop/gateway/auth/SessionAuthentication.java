package org.citycoop.gateway.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.citycoop.platform.problem.ProblemMappers;
import org.citycoop.platform.security.Roles;

import java.util.Set;

/**
 * The identity of a request to the gateway's own API ({@code /v1/clients}): the {@link Sessions.Session} that
 * {@link org.citycoop.gateway.routing.GatewayRouter} made of its API key, left in the request's routing context, so that
 * {@code @RolesAllowed} decides who may call what as in the services. A client is its name with its role; a caller
 * without a key is the anonymous public with the {@link Roles#PUBLIC} role, as the services see it in the gateway's
 * token (the platform's problem mappers answer it a 401 asking for a key where a role is needed, others a 403).
 * Authentication is not proactive ({@code quarkus.http.auth.proactive=false}): only the resource's security check asks.
 */
@ApplicationScoped
public class SessionAuthentication implements HttpAuthenticationMechanism {

    /** The routing context's key of the caller's session. */
    public static final String SESSION = Sessions.Session.class.getName();
    /** The identity's attribute holding the {@link ApiClient}, absent for the anonymous public. */
    public static final String CLIENT = ApiClient.class.getName();

    /** A request's session, to be turned into an identity. */
    public static final class SessionRequest extends BaseAuthenticationRequest {
        final Sessions.Session session;

        SessionRequest(Sessions.Session session) {
            this.session = session;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Sessions.Session session = context.get(SESSION);
        // a request the router did not hand over has no caller: anonymous, refused wherever a role is needed
        return session == null ? Uni.createFrom().nullItem() : identities.authenticate(new SessionRequest(session));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", ProblemMappers.CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }

    /** The identity of a session: the client's name and role, or the anonymous public. */
    @ApplicationScoped
    public static class SessionIdentities implements IdentityProvider<SessionRequest> {

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            ApiClient client = request.session.client();
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder();
            if (client == null) {
                identity.setPrincipal(new QuarkusPrincipal("anonymous")).addRole(Roles.PUBLIC);
            } else {
                identity.setPrincipal(new QuarkusPrincipal(client.name())).addRole(client.role().name()).addAttribute(CLIENT, client);
            }
            return Uni.createFrom().item(identity.build());
        }
    }
}
