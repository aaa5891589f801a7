package org.citycoop.finder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * The finder's settings ({@code citycoop.finder.*}; each has an environment variable, e.g.
 * {@code CITYCOOP_FINDER_API_KEY}).
 */
@ConfigMapping(prefix = "citycoop.finder")
public interface FinderConfig {

    /** The public API's base URL: the gateway (it becomes {@code quarkus.rest-client.citycoop-api.url}). */
    String apiUrl();

    /**
     * The address visitors reach the finder at (scheme, host and port of the gateway in front of it, e.g.
     * {@code https://citycoop.example.org}): the base of every absolute link the finder gives (feeds, {@code webcal:},
     * canonical links, the embed snippet), never the request's {@code Host}. By default the API's URL, which is the
     * gateway's address under {@code deploy/local up} ({@code application.properties}).
     */
    String publicUrl();

    /**
     * The peers whose {@code X-Forwarded-For} the finder believes (it becomes {@code quarkus.http.proxy.trusted-proxies}): the
     * gateway in front of it. By default the loopback addresses.
     */
    @WithDefault("127.0.0.1,::1")
    List<String> trustedProxies();

    /** The finder's partner-portal API key (matching needs one); without it "what fits my city" says it is unavailable. */
    Optional<String> apiKey();

    /**
     * The origins whose pages may embed the finder in a frame: the {@code Content-Security-Policy: frame-ancestors} sources.
     * The default, {@code 'self'}, allows the finder's own origin only.
     */
    @WithDefault("'self'")
    List<String> frameAncestors();
}
