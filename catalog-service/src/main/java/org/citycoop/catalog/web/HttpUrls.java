package org.citycoop.catalog.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks the web addresses the catalogue stores (source pages, agency websites). */
public final class HttpUrls {

    private HttpUrls() {
    }

    /** Whether the text is an absolute {@code http} or {@code https} URL with a host (RFC 3986). */
    public static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
