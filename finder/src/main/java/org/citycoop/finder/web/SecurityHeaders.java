package org.citycoop.finder.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.citycoop.finder.FinderConfig;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * On every answer: {@code Content-Security-Policy} with {@code frame-ancestors} from the configured allow-list (the
 * finder may be framed by those origins only; default {@code 'self'}), everything else from the finder itself (no
 * inline script, no other origin), and {@code nosniff}.
 */
@jakarta.enterprise.context.ApplicationScoped // created on first use, at run time, when the configuration is there
public class SecurityHeaders {

    @Inject
    FinderConfig config;

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                + "script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors "
                + String.join(" ", config.frameAncestors()));
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
