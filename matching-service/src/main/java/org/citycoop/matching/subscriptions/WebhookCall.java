package org.citycoop.matching.subscriptions;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One webhook POST: resolves the URL's host once and checks its addresses ({@link WebhookAddresses#target}),
 * then connects to exactly the checked address with the Vert.x HTTP client, while the {@code Host} header, the TLS
 * server name (SNI) and the certificate's host name check stay the URL's host. Redirects are not followed; the
 * answer's body is not read.
 */
public final class WebhookCall implements AutoCloseable {

    /** What an attempt gave: the HTTP status (null without an answer) and why it failed (null when delivered). */
    public record Outcome(Integer status, String error) {
    }

    private final HttpClient client;
    private final Duration timeout;
    private final boolean allowPrivateAddresses;
    private final WebhookAddresses.Resolver resolver;

    /**
     * @param timeout how long to wait for the connection and then for each part of the answer
     * @param allowPrivateAddresses whether private, loopback and link-local addresses may be called
     */
    public WebhookCall(Vertx vertx, Duration timeout, boolean allowPrivateAddresses, WebhookAddresses.Resolver resolver) {
        this(vertx, new HttpClientOptions(), timeout, allowPrivateAddresses, resolver);
    }

    /** With client options of the caller's (tests: a trust store for their own certificate). */
    WebhookCall(Vertx vertx, HttpClientOptions options, Duration timeout, boolean allowPrivateAddresses, WebhookAddresses.Resolver resolver) {
        this.client = vertx.createHttpClient(new HttpClientOptions(options)
                .setConnectTimeout((int) Math.min(timeout.toMillis(), 5_000))
                .setKeepAlive(false)
                .setVerifyHost(true));
        this.timeout = timeout;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.resolver = resolver;
    }

    /** POSTs {@code body} (JSON) with {@code headers} to {@code url}; a 2xx answer delivers it. */
    public CompletableFuture<Outcome> post(String url, Map<String, String> headers, String body) {
        WebhookAddresses.Target target;
        try {
            target = WebhookAddresses.target(url, allowPrivateAddresses, resolver);
        } catch (WebhookAddresses.Refused refused) {
            return CompletableFuture.completedFuture(new Outcome(null, "not sent: " + refused.getMessage()));
        }
        try {
            return send(target, headers, body);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(null, describe(e)));
        }
    }

    private CompletableFuture<Outcome> send(WebhookAddresses.Target target, Map<String, String> headers, String body) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.ssl())
                .setURI(target.requestUri())
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "CityCoop-Webhooks/1");
        headers.forEach(options::putHeader);
        Future<Outcome> outcome = client.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .map(response -> {
                    int status = response.statusCode();
                    // the answer's body is not needed: drop the connection rather than read it (and hear nothing of
                    // the reset that follows)
                    response.exceptionHandler(ignored -> {
                    });
                    response.request().reset();
                    return new Outcome(status, status < 200 || status > 299 ? "answered HTTP " + status : null);
                })
                .otherwise(failure -> new Outcome(null, describe(failure)));
        return outcome.toCompletionStage().toCompletableFuture();
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    @Override
    public void close() {
        client.close();
    }
}
