package org.citycoop.platform.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Applies {@link BoundTo} once the resource method is known and before its body is read or validated. */
public class BindingCheck {

    @Inject
    Caller caller;

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHORIZATION)
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        BoundTo bound = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(BoundTo.class);
        if (bound != null) {
            caller.requireBound(bound.kind(), request.getUriInfo().getPathParameters().getFirst(bound.pathParam()), bound.pathParam());
        }
    }
}
