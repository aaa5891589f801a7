package org.citycoop.gateway.auth;

import org.citycoop.gateway.vocabulary.ClientRole;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.citycoop.gateway.routing.EdgeProblem;
import org.citycoop.gateway.routing.GatewayConfig;
import org.citycoop.gateway.routing.GatewayRouter;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code /v1/clients}: the secretariat manages API clients and their keys here. All but
 * {@code GET /v1/clients/me} need the {@code SECRETARIAT_ADMIN} role (401 without a key, 403 with
 * another role).
 *
 * <ul>
 *   <li>{@code POST /v1/clients} with {@link NewClient}: 201, the client and its key ({@code key}, shown
 *       this once), {@code Location}; 409 when the name is taken; 400/422 naming the field.</li>
 *   <li>{@code GET /v1/clients?limit=&cursor=}: a page in name order, {@code next} while more follow.</li>
 *   <li>{@code GET /v1/clients/{id}}; {@code GET /v1/clients/me}: the caller's own client.</li>
 *   <li>{@code POST /v1/clients/{id}/key}: a new key (shown this once); the old one stops working.</li>
 *   <li>{@code DELETE /v1/clients/{id}}: revokes the client; it stays listed with {@code revokedAt}.</li>
 * </ul>
 */
@ApplicationScoped
public class ClientsApi {

    private static final Logger LOG = Logger.getLogger(ClientsApi.class);
    public static final String PREFIX = "/v1/clients";
    private static final int MAX_BODY = 64 * 1024;

    @Inject
    ClientRepository store;

    @Inject
    Sessions sessions;

    @Inject
    ObjectMapper mapper;

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    private ObjectReader newClientReader;
    private io.vertx.core.http.HttpClient catalogClient;

    @PostConstruct
    void strictReader() {
        catalogClient = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis()).setMaxPoolSize(4));
        // strings are strings: no number or boolean taken for a name or an id (Jackson's default coerces them)
        ObjectMapper strict = mapper.copy();
        strict.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        newClientReader = strict.readerFor(NewClient.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Whether {@code path} belongs here. */
    public static boolean owns(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** Answers a request under {@code /v1/clients} for the given caller. */
    public void handle(HttpServerRequest request, Sessions.Session caller, String requestId) {
        Exchange exchange = new Exchange(request, requestId);
        String[] segments = request.path().substring(PREFIX.length()).split("/", -1);
        // segments[0] is "" (the part before the first slash); [1] the id or "me"; [2] "key"
        // as the services: a parameter the operation does not take, or one given twice, is named (only the list takes any)
        java.util.Set<String> takes = segments.length == 1 && request.method() == HttpMethod.GET ? java.util.Set.of("cursor", "limit")
                : java.util.Set.of();
        for (String name : request.params().names()) {
            int given = request.params().getAll(name).size();
            if (!takes.contains(name) || given > 1) {
                exchange.fieldProblem(400, "bad-request", "Bad request", List.<String[]>of(new String[] {name, !takes.contains(name)
                        ? (takes.isEmpty() ? "is not a parameter of this operation, which takes none"
                                : "is not a parameter of this operation; it takes " + String.join(", ", new java.util.TreeSet<>(takes)))
                        : "is given " + given + " times; it takes one value"}));
                return;
            }
        }
        if (segments.length == 2 && segments[1].equals("me")) {
            if (!exchange.allow("GET")) {
                return;
            }
            if (caller.anonymous()) {
                exchange.problem(401, EdgeProblem.unauthorized("Send your API key as Authorization: Bearer <key>.", request.path(), requestId));
                return;
            }
            exchange.blocking(() -> store.find(caller.client().id()).map(c -> reply(200, c)).orElseGet(() -> notFound(exchange)));
            return;
        }
        if (caller.anonymous()) {
            exchange.problem(401, EdgeProblem.unauthorized("Managing API clients needs the secretariat admin's API key.", request.path(), requestId));
            return;
        }
        if (caller.client().role() != ClientRole.SECRETARIAT_ADMIN) {
            LOG.infof("Refused %s %s to client %s (%s)", request.method(), request.path(), caller.client().name(), caller.client().role());
            exchange.problem(403, EdgeProblem.forbidden("Only the secretariat admin manages API clients.", request.path(), requestId));
            return;
        }
        if (segments.length == 1 && segments[0].isEmpty()) {
            if (request.method() == HttpMethod.POST) {
                create(exchange);
            } else if (exchange.allow("GET, POST")) {
                list(exchange);
            }
            return;
        }
        Optional<UUID> id = segments.length >= 2 ? uuid(segments[1]) : Optional.empty();
        if (id.isEmpty() || segments.length > 3 || (segments.length == 3 && !segments[2].equals("key"))) {
            exchange.problem(404, EdgeProblem.notFound(request.path(), requestId));
            return;
        }
        if (segments.length == 3) {
            if (exchange.allow("POST")) {
                String key = ApiKeys.generate();
                exchange.blocking(() -> store.replaceKey(id.get(), ApiKeys.visiblePrefix(key), ApiKeys.hash(key)).map(client -> {
                    sessions.forget(client.id());
                    LOG.infof("Client %s has a new key %s...; the old one no longer works", client.name(), client.keyPrefix());
                    return reply(200, new ApiClient.IssuedKey(client, key));
                }).orElseGet(() -> notFound(exchange)));
            }
            return;
        }
        if (request.method() == HttpMethod.DELETE) {
            exchange.blocking(() -> store.revoke(id.get()).map(client -> {
                sessions.forget(client.id());
                LOG.infof("Client %s (key %s...) revoked", client.name(), client.keyPrefix());
                return reply(200, client);
            }).orElseGet(() -> notFound(exchange)));
        } else if (exchange.allow("GET, DELETE")) {
            exchange.blocking(() -> store.find(id.get()).map(c -> reply(200, c)).orElseGet(() -> notFound(exchange)));
        }
    }

    private void create(Exchange exchange) {
        exchange.body().onSuccess(body -> {
            NewClient request;
            try {
                request = newClientReader.readValue(body.getBytes());
            } catch (JsonProcessingException e) {
                exchange.fieldProblem(400, "bad-request", "Bad request", unreadable(e));
                return;
            } catch (java.io.IOException e) {
                exchange.fieldProblem(400, "bad-request", "Bad request", List.<String[]>of(new String[] {"body", "not readable"}));
                return;
            }
            if (request == null) {
                exchange.fieldProblem(422, "validation", "Invalid request", List.<String[]>of(new String[] {"body", "a JSON object is required"}));
                return;
            }
            List<NewClient.FieldError> errors = request.errors();
            if (!errors.isEmpty()) {
                exchange.fieldProblem(422, "validation", "Invalid request",
                        errors.stream().map(e -> new String[] {e.field(), e.detail()}).toList());
                return;
            }
            if (request.role() == ClientRole.AGENCY_EDITOR) {
                agencyExists(request.agencyId()).onComplete(exists -> {
                    if (exists.failed()) {
                        LOG.warnf("Could not check agency %s in the catalogue: %s", request.agencyId(), exists.cause().getMessage());
                        exchange.problem(503, EdgeProblem.of("service-unavailable", "Service unavailable", 503,
                                "The catalogue cannot be asked whether agency '" + request.agencyId() + "' exists; try again shortly.",
                                exchange.request.path(), exchange.requestId));
                    } else if (!exists.result()) {
                        exchange.fieldProblem(422, "validation", "Invalid request", List.<String[]>of(new String[] {"agencyId",
                                "no agency '" + request.agencyId() + "' in the catalogue: create the agency first (PUT /v1/agencies/"
                                        + request.agencyId() + ")"}));
                    } else {
                        store(exchange, request);
                    }
                });
            } else {
                store(exchange, request);
            }
        });
    }

    /**
     * Whether the catalogue holds the agency: {@code GET /v1/agencies/{id}} on the service that owns
     * {@code /v1/agencies}, as the anonymous public would read it (its instances in order until one answers). Fails
     * when the catalogue cannot say.
     */
    private Future<Boolean> agencyExists(String agencyId) {
        List<java.net.URI> instances = config.services().values().stream().filter(s -> s.prefixes().contains("/v1/agencies"))
                .map(GatewayConfig.Service::url).findFirst().orElseThrow();
        Future<Boolean> exists = agencyExists(instances.get(0), agencyId);
        for (java.net.URI other : instances.subList(1, instances.size())) {
            exists = exists.recover(failed -> agencyExists(other, agencyId));
        }
        return exists;
    }

    private Future<Boolean> agencyExists(java.net.URI catalog, String agencyId) {
        return sessions.resolve(null, "gateway").compose(anonymous -> catalogClient.request(new io.vertx.core.http.RequestOptions()
                        .setAbsoluteURI(catalog.resolve("/v1/agencies/" + agencyId).toString())
                        .putHeader("Authorization", "Bearer " + anonymous.token())
                        .setTimeout(config.connectTimeout().toMillis() + 5000))
                .compose(io.vertx.core.http.HttpClientRequest::send)
                .compose(response -> response.body().map(ignored -> response.statusCode())))
                .compose(status -> status == 200 ? Future.succeededFuture(true)
                        : status == 404 ? Future.succeededFuture(false)
                        : Future.failedFuture("the catalogue answered " + status));
    }

    private void store(Exchange exchange, NewClient request) {
        {
            String key = ApiKeys.generate();
            exchange.blocking(() -> {
                try {
                    ApiClient client = store.create(request, ApiKeys.visiblePrefix(key), ApiKeys.hash(key));
                    LOG.infof("Client %s (%s) created with key %s...", client.name(), client.role(), client.keyPrefix());
                    Reply reply = reply(201, new ApiClient.IssuedKey(client, key));
                    reply.headers.put("Location", PREFIX + "/" + client.id());
                    return reply;
                } catch (ClientRepository.NameTaken taken) {
                    return new Reply(409, EdgeProblem.withErrors("conflict", "Conflict", 409, "name: a client named '" + request.name()
                            + "' exists already", exchange.request.path(), exchange.requestId,
                            List.<String[]>of(new String[] {"name", "a client of this name exists already"})));
                }
            });
        }
    }

    private void list(Exchange exchange) {
        String limitParam = exchange.request.getParam("limit");
        String cursor = exchange.request.getParam("cursor");
        int limit;
        try {
            limit = limitParam == null ? 20 : Integer.parseInt(limitParam);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 100) {
            exchange.fieldProblem(400, "bad-request", "Bad request",
                    List.<String[]>of(new String[] {"limit", "must be an integer from 1 to 100, got '" + limitParam + "'"}));
            return;
        }
        String after;
        try {
            after = cursor == null || cursor.isBlank() ? null : cursorName(cursor); // blank: the first page, as in the services
        } catch (IllegalArgumentException e) {
            exchange.fieldProblem(400, "bad-request", "Bad request",
                    List.<String[]>of(new String[] {"cursor", "not a cursor returned by this list; start again without it"}));
            return;
        }
        int pageSize = limit;
        exchange.blocking(() -> {
            List<ApiClient> rows = store.list(after, pageSize + 1);
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("items", rows.subList(0, Math.min(pageSize, rows.size())));
            if (rows.size() > pageSize) {
                page.put("next", PREFIX + "?limit=" + pageSize + "&cursor="
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(rows.get(pageSize - 1).name().getBytes(StandardCharsets.UTF_8)));
            }
            return reply(200, page);
        });
    }

    /**
     * The client name a cursor of this list holds (base64url of its UTF-8 bytes); an {@link IllegalArgumentException}
     * when it is not one: not base64url, not UTF-8, empty, or holding a NUL (which PostgreSQL text cannot hold).
     */
    private static String cursorName(String cursor) {
        try {
            String name = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
            if (name.isEmpty() || name.indexOf('\u0000') >= 0) {
                throw new IllegalArgumentException("not a client name");
            }
            return name;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }

    private Reply notFound(Exchange exchange) {
        return new Reply(404, EdgeProblem.of("not-found", "Not found", 404, "No API client at " + exchange.request.path() + ".",
                exchange.request.path(), exchange.requestId));
    }

    private Reply reply(int status, Object body) {
        try {
            return new Reply(status, Buffer.buffer(mapper.writeValueAsBytes(body)), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String[]> unreadable(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
                    && e.getProcessor() instanceof JsonParser parser && parser.getParsingContext().getCurrentName() != null) {
                return List.<String[]>of(new String[] {parser.getParsingContext().getCurrentName(),
                        "duplicate member: a member may appear once in an object"});
            }
            return List.<String[]>of(new String[] {"body", "not valid JSON"});
        }
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        String name = field.isEmpty() ? "body" : field.toString();
        String detail;
        if (e instanceof UnrecognizedPropertyException unknown) {
            detail = "unknown field '" + unknown.getPropertyName() + "': it is not part of a new client or is set by the gateway";
        } else if (e instanceof ValueInstantiationException instantiation && ClientRole.class.equals(instantiation.getType().getRawClass())) {
            detail = instantiation.getCause().getMessage() + "; allowed: " + ClientRole.ALLOWED;
        } else {
            detail = "wrong type or form";
        }
        return List.<String[]>of(new String[] {name, detail});
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An answer computed off the event loop. */
    private static final class Reply {
        final int status;
        final Buffer body;
        final String contentType;
        final Map<String, String> headers = new LinkedHashMap<>();

        Reply(int status, Buffer body) {
            this(status, body, EdgeProblem.MEDIA_TYPE);
        }

        Reply(int status, Buffer body, String contentType) {
            this.status = status;
            this.body = body;
            this.contentType = contentType;
        }
    }

    /** One request under /v1/clients and how to answer it. */
    private final class Exchange {
        final HttpServerRequest request;
        final String requestId;

        Exchange(HttpServerRequest request, String requestId) {
            this.request = request;
            this.requestId = requestId;
        }

        /** True when the method is one of {@code allowed}; otherwise answers 405 with Allow. */
        boolean allow(String allowed) {
            for (String method : allowed.split(",\\s*")) {
                if (request.method().name().equals(method)) {
                    return true;
                }
            }
            request.response().putHeader("Allow", allowed);
            problem(405, EdgeProblem.methodNotAllowed(allowed, request.path(), requestId));
            return false;
        }

        void problem(int status, Buffer problem) {
            if (!request.response().ended()) {
                if (!request.isEnded()) { // a body read to its end cannot be resumed
                    request.resume();
                }
                if (status == 401) {
                    request.response().putHeader("WWW-Authenticate", "Bearer realm=\"citycoop\"");
                }
                request.response().setStatusCode(status).putHeader("Content-Type", EdgeProblem.MEDIA_TYPE)
                        .putHeader(GatewayRouter.REQUEST_ID, requestId).end(problem);
            }
        }

        void fieldProblem(int status, String type, String title, List<String[]> errors) {
            String detail = String.join("; ", errors.stream().map(e -> e[0] + ": " + e[1]).toList());
            problem(status, EdgeProblem.withErrors(type, title, status, detail, request.path(), requestId, errors));
        }

        void blocking(Supplier<Reply> work) {
            Future<Reply> done = vertx.executeBlocking(work::get, false);
            done.onComplete(result -> {
                if (result.failed()) {
                    LOG.error("API client store failed", result.cause());
                    problem(503, EdgeProblem.of("service-unavailable", "Service unavailable", 503,
                            "The API client store cannot be reached; try again shortly.", request.path(), requestId));
                    return;
                }
                Reply reply = result.result();
                HttpServerResponse response = request.response().setStatusCode(reply.status)
                        .putHeader("Content-Type", reply.contentType).putHeader(GatewayRouter.REQUEST_ID, requestId)
                        .putHeader("Cache-Control", "no-store");
                reply.headers.forEach(response::putHeader);
                if (!request.isEnded()) { // a body read to its end cannot be resumed
                    request.resume();
                }
                response.end(reply.body);
            });
        }

        /** The body, up to 64 KiB; a larger one is answered with 413 here. */
        Future<Buffer> body() {
            io.vertx.core.Promise<Buffer> promise = io.vertx.core.Promise.promise();
            Buffer body = Buffer.buffer();
            request.handler(chunk -> {
                if (body.length() + chunk.length() > MAX_BODY) {
                    if (!request.response().ended()) {
                        request.response().putHeader("Connection", "close");
                        problem(413, EdgeProblem.tooLarge(MAX_BODY, request.path(), requestId));
                    }
                    return;
                }
                body.appendBuffer(chunk);
            });
            request.endHandler(end -> {
                if (!request.response().ended()) {
                    promise.tryComplete(body);
                }
            });
            request.exceptionHandler(promise::tryFail);
            if (!request.isEnded()) { // a body read to its end cannot be resumed
                request.resume();
            }
            return promise.future();
        }
    }
}
