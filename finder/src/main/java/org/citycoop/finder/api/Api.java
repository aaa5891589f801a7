package org.citycoop.finder.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.citycoop.finder.FinderConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The public API as JSON trees. Every call passes the visitor's address on in {@code X-Forwarded-For} (the gateway believes
 * it only when the finder is one of its configured trusted proxies). A problem answer (4xx) is an {@link ApiProblem} naming the
 * parameter at fault; no answer or a 5xx is {@link ApiUnavailable}. The agency list, which every page needs, is kept a minute.
 */
@ApplicationScoped
public class Api {

    private static final Logger LOG = Logger.getLogger(Api.class);
    private static final Duration AGENCIES_KEPT = Duration.ofMinutes(1);

    @Inject
    @RestClient
    PublicApi api;

    @Inject
    FinderConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    HttpServerRequest request;

    private volatile JsonNode agencies;
    private volatile long agenciesAt;

    public JsonNode schemes(MultivaluedMap<String, String> query, String language) {
        return call(() -> api.schemes(query, language, visitor()));
    }

    /**
     * Asks for the facet counts of a search and answers at once: the page asks for its list meanwhile, and the counts
     * are read (or their problem thrown) when the returned supplier is called.
     */
    public Supplier<JsonNode> facets(MultivaluedMap<String, String> query) {
        java.util.concurrent.CompletableFuture<RestResponse<String>> sent = api.facets(query, visitor()).toCompletableFuture();
        return () -> call(() -> {
            try {
                return sent.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        });
    }

    public JsonNode scheme(String id, String language) {
        return call(() -> api.scheme(id, language, visitor()));
    }

    public JsonNode history(String id) {
        return call(() -> api.history(id, 100, visitor()));
    }

    public JsonNode cities(String q, String country, int limit) {
        return call(() -> api.cities(q, country, limit, visitor()));
    }

    public JsonNode city(String id) {
        return call(() -> api.city(id, visitor()));
    }

    public JsonNode twinnings(String cityId) {
        return call(() -> api.twinnings(cityId, 50, visitor()));
    }

    public JsonNode partnerSuggestions(String cityId, String challenge) {
        return call(() -> api.partnerSuggestions(cityId, challenge, 5, visitor()));
    }

    /** Whether the finder has a key for matching. */
    public boolean canMatch() {
        return config.apiKey().filter(k -> !k.isBlank()).isPresent();
    }

    public JsonNode matches(JsonNode body, boolean includeIneligible, int limit, String language) {
        if (!canMatch()) {
            throw new ApiUnavailable("no API key for matching");
        }
        return call(() -> api.matches(includeIneligible, limit, language, visitor(), body.toString()));
    }

    /** Every agency (the catalogue holds a few dozen), kept for a minute. */
    public JsonNode agencies() {
        JsonNode held = agencies;
        if (held != null && System.nanoTime() - agenciesAt < AGENCIES_KEPT.toNanos()) {
            return held;
        }
        var all = mapper.createArrayNode();
        String cursor = null;
        do {
            String from = cursor;
            JsonNode page = call(() -> api.agencies(100, from, visitor()));
            page.path("items").forEach(all::add);
            cursor = page.hasNonNull("next") ? cursorOf(page.path("next").asText()) : null;
        } while (cursor != null);
        agencies = all;
        agenciesAt = System.nanoTime();
        return all;
    }

    /** The agency with this id, if the catalogue holds it. */
    public Optional<JsonNode> agency(String id) {
        for (JsonNode agency : agencies()) {
            if (agency.path("id").asText().equals(id)) {
                return Optional.of(agency);
            }
        }
        return Optional.empty();
    }

    /** The {@code cursor} parameter of a {@code next} link, or null. */
    public static String cursorOf(String next) {
        int at = next.indexOf("cursor=");
        if (at < 0) {
            return null;
        }
        int end = next.indexOf('&', at);
        String raw = next.substring(at + "cursor=".length(), end < 0 ? next.length() : end);
        return java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String visitor() {
        try {
            return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }

    private JsonNode call(Supplier<RestResponse<String>> send) {
        int status;
        String body;
        try {
            RestResponse<String> response = send.get();
            status = response.getStatus();
            body = response.getEntity();
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            status = response.getStatus();
            body = response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (ProcessingException e) {
            LOG.warnf("The API did not answer: %s", e.getMessage());
            throw new ApiUnavailable(e.getMessage());
        }
        JsonNode json = parse(body);
        if (status >= 200 && status < 300) {
            return json;
        }
        if (status >= 400 && status < 500 && status != 401 && status != 403 && status != 429) {
            JsonNode error = json.path("errors").path(0);
            throw new ApiProblem(status, error.path("field").asText(null),
                    error.path("detail").asText(json.path("detail").asText("")));
        }
        LOG.warnf("The API answered %d: %s", status, body);
        throw new ApiUnavailable("the API answered " + status);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return mapper.createObjectNode();
        }
    }
}
