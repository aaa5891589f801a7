package org.citycoop.finder.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.citycoop.finder.FinderConfig;

import java.net.URI;

/**
 * The finder's address as visitors reach it ({@link FinderConfig#publicUrl()}), for the absolute links a page or feed gives:
 * feeds, the {@code webcal:} subscription, canonical and alternate links, the embed snippet. Never the request's
 * {@code Host}, which any client can set. Templates read it as {@code {inject:publicUrl.base}}.
 */
@ApplicationScoped
@Named("publicUrl")
public class PublicUrl {

    private final String base;

    @Inject
    public PublicUrl(FinderConfig config) {
        this.base = normalise(config.publicUrl());
    }

    /** {@code https://example.org}: scheme, host and port, without a trailing slash. */
    public String base() {
        return base;
    }

    /** The absolute address of a path of the finder ({@code /finder/en/feed.atom}). */
    public String of(String path) {
        return base + path;
    }

    /** The same address for a calendar subscription: {@code webcal://} in place of {@code http://} or {@code https://}. */
    public String webcal(String path) {
        return base.replaceFirst("^https?://", "webcal://") + path;
    }

    /**
     * The configured address without a trailing slash; refused (the finder does not start) unless it is an absolute http or
     * https URL with a host and no path, query or fragment (the finder's pages link each other by their paths from the root).
     */
    static String normalise(String configured) {
        URI uri;
        try {
            uri = URI.create(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("citycoop.finder.public-url: not a URL: " + configured, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || !uri.getRawPath().replace("/", "").isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("citycoop.finder.public-url: an http or https address such as https://citycoop.example.org"
                    + " is needed, not " + configured);
        }
        return uri.toString().replaceAll("/+$", "");
    }
}
