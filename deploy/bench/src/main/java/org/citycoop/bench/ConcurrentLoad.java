package org.citycoop.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load as {@code wrk -c <connections>} sends it: each connection sends its next request when the answer to
 * the last has come, for a given time. The requests come from one Vert.x event loop in the benchmark's JVM, so that the
 * load takes little of the CPU the suite shares with it (a thread per connection with the JDK's client took three
 * times as much per request). Any answer but 200 stops the run.
 */
final class ConcurrentLoad implements AutoCloseable {

    /** One kind of request: where it goes and what it carries. */
    record Request(HttpMethod method, URI base, String path, String authorization, String body) {
    }

    private final int connections;
    private final Vertx vertx;
    private final HttpClient client;

    ConcurrentLoad(int connections) {
        this.connections = connections;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(connections * 2));
    }

    int connections() {
        return connections;
    }

    /**
     * Sends {@code request} from every connection for {@code duration}; the latencies into {@code into} when given.
     * Returns the nanoseconds the run took (until the last answer).
     */
    long run(Request request, Duration duration, Latencies into) throws Exception {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Buffer body = request.body() == null ? null : Buffer.buffer(request.body());
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(request.base().getHost())
                .setPort(request.base().getPort()).setURI(request.path()).putHeader("Authorization", request.authorization())
                .putHeader("Accept", "application/json").setIdleTimeout(60_000);
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Future<Void>> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Promise<Void> done = Promise.promise();
            senders.add(done.future());
            send(options, body, end, into, failure, done);
        }
        Future.join(senders).toCompletionStage().toCompletableFuture().get(duration.toSeconds() + 120, TimeUnit.SECONDS);
        long took = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException(request.method() + " " + request.path() + " at " + request.base() + ": "
                    + failure.get().getMessage(), failure.get());
        }
        return took;
    }

    private void send(RequestOptions options, Buffer body, long end, Latencies into, AtomicReference<Throwable> failure,
            Promise<Void> done) {
        if (System.nanoTime() >= end || failure.get() != null) {
            done.complete();
            return;
        }
        long sending = System.nanoTime();
        client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(answer -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("answered " + response.statusCode() + ": " + answer);
                    }
                    return answer;
                }))
                .onComplete(answered -> {
                    if (answered.failed()) {
                        failure.compareAndSet(null, answered.cause());
                        done.complete();
                        return;
                    }
                    if (into != null) {
                        synchronized (into) {
                            into.record(System.nanoTime() - sending);
                        }
                    }
                    send(options, body, end, into, failure, done);
                });
    }

    @Override
    public void close() throws Exception {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
