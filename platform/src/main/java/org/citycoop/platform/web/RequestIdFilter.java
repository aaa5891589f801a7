package org.citycoop.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Puts the request's {@code X-Request-Id} (set by the gateway, or made here when absent or malformed)
 * into the log context as {@code requestId}, so that every log line of the request carries it, and
 * echoes it on the response. The trace id of a well-formed W3C {@code traceparent} header (Trace Context,
 * version 00: {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}) goes into the log context as
 * {@code traceId}; the log format prints both.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String TRACE_MDC_KEY = "traceId";
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id == null || !ACCEPTED.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        request.setProperty(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        String traceId = traceId(request.getHeaderString("traceparent"));
        if (traceId != null) {
            MDC.put(TRACE_MDC_KEY, traceId);
        } else {
            MDC.remove(TRACE_MDC_KEY);
        }
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id.toString());
        }
        MDC.remove(MDC_KEY);
        MDC.remove(TRACE_MDC_KEY);
    }

    /** The trace id of a well-formed {@code traceparent}, or null (absent, malformed, or the all-zero id). */
    public static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        java.util.regex.Matcher matcher = TRACEPARENT.matcher(traceparent.trim());
        if (!matcher.matches() || matcher.group(1).chars().allMatch(c -> c == '0')) {
            return null;
        }
        return matcher.group(1);
    }
}
