package org.citycoop.twinning.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who is making the current request, for the audit trail: the principal name of Quarkus'
 * {@link SecurityIdentity} (with the gateway's JWT, its subject), or {@value #ANONYMOUS} when the request
 * carries no identity.
 */
@RequestScoped
public class CurrentActor {

    /** The actor of a request without an identity. */
    public static final String ANONYMOUS = "anonymous";

    @Inject
    SecurityIdentity identity;

    /** The principal name, or {@value #ANONYMOUS}. */
    public String name() {
        if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
            return ANONYMOUS;
        }
        String name = identity.getPrincipal().getName();
        return name == null || name.isBlank() ? ANONYMOUS : name;
    }
}
