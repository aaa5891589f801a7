package org.citycoop.gateway.routing;

import org.citycoop.platform.web.StrictText;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpVersion;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway refuses before it looks at the caller or the route: requests that the services would
 * read differently from the gateway, or that no HTTP/1.1 client sends. Each refusal names what is wrong,
 * so that the edge answers with a problem document instead of the HTTP layer's empty answers.
 *
 * <ul>
 *   <li>an HTTP version other than 1.0, 1.1 or 2: 505;</li>
 *   <li>an HTTP/1.1 request without {@code Host}: 400 naming {@code Host};</li>
 *   <li>a {@code Host} that is not a host name, an IPv4 address or a bracketed IPv6 address with an optional port: 400;</li>
 *   <li>a {@code Transfer-Encoding} other than {@code chunked} alone: 501 (the body's end could not be found);</li>
 *   <li>{@code Expect} other than {@code 100-continue}: 417;</li>
 *   <li>a request line longer than {@code maxRequestLine}: 414; header fields larger than
 *       {@code maxHeaderBytes} in all: 431;</li>
 *   <li>a control character in a header value, a header name that is not a token, or a second {@code Host},
 *       {@code Authorization}, {@code Content-Type}, {@code Content-Length}, {@code Transfer-Encoding},
 *       {@code Idempotency-Key}, {@code If-Match}, {@code If-None-Match}, {@code X-Request-Id} or {@code traceparent}: 400 naming the
 *       header;</li>
 *   <li>a path the gateway and the services could read differently: a {@code ;} (matrix parameters, which
 *       the services' HTTP layer drops: {@code /v1/agencies/x;y} would act on {@code x}), an encoded
 *       {@code /} or {@code \}, a dot segment ({@code .} or {@code ..}, also encoded), broken
 *       percent-encoding, bytes that are not UTF-8, a character a URL must encode, or a control character: 400
 *       naming the path parameter the segment stands for in the API's path templates, else {@code path};</li>
 *   <li>a query parameter whose name or value has broken percent-encoding, is not UTF-8 or holds a control
 *       character: 400 naming the parameter.</li>
 * </ul>
 *
 * A plain class: the unit tests reach it without a server.
 */
public final class EdgeRules {

    /** A refusal: the status, the problem's type and title, the field at fault, what is wrong with it. */
    public record Refusal(int status, String type, String title, String field, String detail) {
    }

    /** Headers whose repetition would let the gateway and a service read different values. */
    private static final java.util.List<String> SINGLE_HEADERS = java.util.List.of("Host", "Authorization", "Content-Type",
            "Content-Length", "Transfer-Encoding", "Idempotency-Key", "If-Match", "If-None-Match", "X-Request-Id", "traceparent");
    /** RFC 9110 Host: a DNS name or IPv4 address, or an IPv6 literal in brackets, and an optional port. */
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
            "(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(:[0-9]{1,5})?");
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final int maxRequestLine;
    private final int maxHeaderBytes;
    private final PathTemplates templates;

    /**
     * @param templates the API's path templates, to name the path parameter a refused segment stands for
     *                  ({@code path} where none matches)
     */
    public EdgeRules(int maxRequestLine, int maxHeaderBytes, PathTemplates templates) {
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderBytes = maxHeaderBytes;
        this.templates = templates;
    }

    /**
     * @param version the version Vert.x parsed, null when it is none it knows
     * @param method  the request method's name
     * @param uri     the request target as sent (path and query, still percent-encoded)
     * @param hasHost whether the request names its host ({@code Host}, or the HTTP/2 authority)
     */
    public Optional<Refusal> check(HttpVersion version, String method, String uri, boolean hasHost, MultiMap headers) {
        return check(version, method, () -> uri, hasHost, headers);
    }

    /**
     * As {@link #check(HttpVersion, String, String, boolean, MultiMap)}, with the request target read only after
     * the headers: reading it behind a proxy-aware wrapper may rewrite {@code Host}.
     */
    public Optional<Refusal> check(HttpVersion version, String method, java.util.function.Supplier<String> target,
                                   boolean hasHost, MultiMap headers) {
        if (version == null) {
            return refuse(505, "http-version-not-supported", "HTTP version not supported", "version",
                    "this API speaks HTTP/1.1 and HTTP/2 (and HTTP/1.0)");
        }
        int headerBytes = 0;
        for (String single : SINGLE_HEADERS) {
            if (headers.getAll(single).size() > 1) {
                return refuse(400, "bad-request", "Bad request", single, "must appear once");
            }
        }
        for (Map.Entry<String, String> header : headers) {
            if (!TOKEN.matcher(header.getKey()).matches()) {
                return refuse(400, "bad-request", "Bad request", "headers", "a header name must be a token (letters, digits and !#$%&'*+-.^_`|~)");
            }
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
            int bad = controlCharacter(header.getValue());
            if (bad >= 0) {
                return refuse(400, "bad-request", "Bad request", header.getKey(),
                        "control character " + codePoint(bad) + " in the header's value");
            }
        }
        if (headerBytes > maxHeaderBytes) {
            return refuse(431, "request-header-fields-too-large", "Request header fields too large", "headers",
                    "the header fields take more than " + maxHeaderBytes + " bytes");
        }
        if (version == HttpVersion.HTTP_1_1 && !hasHost) {
            return refuse(400, "bad-request", "Bad request", "Host", "an HTTP/1.1 request must name its host in Host");
        }
        String host = headers.get("Host");
        if (host != null && !host.isEmpty() && !HOST.matcher(host).matches()) {
            return refuse(400, "bad-request", "Bad request", "Host",
                    "must be a host name, an IPv4 address or a bracketed IPv6 address, with an optional port");
        }
        String coding = headers.get("Transfer-Encoding");
        if (coding != null && !coding.equalsIgnoreCase("chunked")) {
            return refuse(501, "not-implemented", "Not implemented", "Transfer-Encoding",
                    "only 'chunked' is supported as a transfer coding, alone");
        }
        String expect = headers.get("Expect");
        if (expect != null && !expect.equalsIgnoreCase("100-continue")) {
            return refuse(417, "expectation-failed", "Expectation failed", "Expect",
                    "only '100-continue' is supported, not '" + printable(expect) + "'");
        }
        String uri = target.get();
        if (method.length() + uri.length() + " HTTP/1.1".length() + 1 > maxRequestLine) {
            return refuse(414, "uri-too-long", "URI too long", "uri",
                    "the request line is longer than " + maxRequestLine + " characters");
        }
        if (uri.indexOf('#') >= 0) {
            return refuse(400, "bad-request", "Bad request", "uri", "'#' (a fragment) is never part of a request target; "
                    + "percent-encode it (%23) when it is data");
        }
        int queryStart = uri.indexOf('?');
        String path = queryStart < 0 ? uri : uri.substring(0, queryStart);
        Optional<Refusal> pathRefusal = checkPath(path);
        if (pathRefusal.isPresent() || queryStart < 0) {
            return pathRefusal;
        }
        String query = uri.substring(queryStart + 1);
        int unsafe = firstUnsafeCharacter(query);
        if (unsafe >= 0) {
            return refuse(400, "bad-request", "Bad request", "query", mustBeEncoded(query.charAt(unsafe)));
        }
        if (query.indexOf(';') >= 0) { // the services' HTTP layer splits parameters at ';' as well as '&'
            return refuse(400, "bad-request", "Bad request", "query", "';' must be percent-encoded (%3B) in a query; "
                    + "parameters are separated by '&'");
        }
        return checkQuery(query);
    }

    /** Checks each segment of the path, naming the path parameter that a refused segment stands for. */
    private Optional<Refusal> checkPath(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return refuse(400, "bad-request", "Bad request", "path", "the request target must be an absolute path");
        }
        String[] segments = rawPath.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            Optional<String> wrong = checkSegment(segments[i]);
            if (wrong.isPresent()) {
                String field = templates.parameterAt(segments, i).orElse("path");
                return refuse(400, "bad-request", "Bad request", field, wrong.get());
            }
        }
        return Optional.empty();
    }

    /** What is wrong with one raw path segment, if anything. */
    private static Optional<String> checkSegment(String raw) {
        int unsafe = firstUnsafeCharacter(raw);
        if (unsafe >= 0) {
            return Optional.of(mustBeEncoded(raw.charAt(unsafe)));
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains(";")) {
            return Optional.of("';' (matrix parameters) is not allowed in a path");
        }
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")) {
            return Optional.of("an encoded '/' or a '\\' is not allowed in a path");
        }
        String decoded;
        try {
            decoded = StrictText.percentDecode(raw, false);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        int bad = controlCharacter(decoded);
        if (bad >= 0) {
            return Optional.of("control character " + codePoint(bad) + " in the path");
        }
        if (decoded.equals(".") || decoded.equals("..")) {
            return Optional.of("dot segments ('.' and '..') are not allowed in a path");
        }
        return Optional.empty();
    }

    private static String mustBeEncoded(char c) {
        return (c < 0x20 || c > 0x7e ? codePoint(c) : "'" + c + "'") + " must be percent-encoded in a URL";
    }

    private static Optional<Refusal> checkQuery(String query) {
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            try {
                name = StrictText.percentDecode(rawName, true);
            } catch (IllegalArgumentException e) {
                return refuse(400, "bad-request", "Bad request", "query", "a parameter name has " + e.getMessage());
            }
            int bad = controlCharacter(name);
            if (bad >= 0) {
                return refuse(400, "bad-request", "Bad request", "query",
                        "control character " + codePoint(bad) + " in a parameter name");
            }
            if (equals < 0) {
                continue;
            }
            String value;
            try {
                value = StrictText.percentDecode(pair.substring(equals + 1), true);
            } catch (IllegalArgumentException e) {
                return refuse(400, "bad-request", "Bad request", name, e.getMessage());
            }
            bad = controlCharacter(value);
            if (bad >= 0) {
                return refuse(400, "bad-request", "Bad request", name, "control character " + codePoint(bad) + " in the value");
            }
        }
        return Optional.empty();
    }

    /** The index of the first character a URL may not hold unencoded (RFC 3986: unreserved, reserved and '%'), or -1. */
    private static int firstUnsafeCharacter(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0;
            if (!allowed) {
                return i;
            }
        }
        return -1;
    }

    /** The first C0 control character (tab allowed) or DEL in the text, or -1. */
    private static int controlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return c;
            }
        }
        return -1;
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static Optional<Refusal> refuse(int status, String type, String title, String field, String detail) {
        return Optional.of(new Refusal(status, type, title, field, detail));
    }
}
