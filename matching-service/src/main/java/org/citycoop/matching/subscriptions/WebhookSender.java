package org.citycoop.matching.subscriptions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends due webhook deliveries from the {@code delivery} table, so that nothing queued is lost across
 * restarts. Each run claims a batch ({@link Deliveries#claimDue}), POSTs each delivery with the JDK HTTP
 * client, signed as {@link WebhookSignature} describes, and records the outcome: a 2xx answer delivers it;
 * anything else (another status, a timeout, a refused connection, an address that now resolves to a private
 * one) is retried after {@link Backoff} until the attempts run out (then FAILED).
 *
 * <p>Body: {@code {"deliveryId": "...", "subscriptionId": "...", "digest": false, "alerts": [Alert, ...]}}.
 *
 * <p>Settings: {@code citycoop.matching.webhooks.poll-interval} (default 2s),
 * {@code citycoop.matching.webhooks.initial-backoff} (default 30s), {@code ...max-backoff} (default 1h),
 * {@code ...max-attempts} (default 8), {@code ...timeout} (default 10s),
 * {@code ...allow-private-addresses} (default false).
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int BATCH = 20;

    @Inject
    Deliveries deliveries;

    @ConfigProperty(name = "citycoop.matching.webhooks.initial-backoff", defaultValue = "30s")
    Duration initialBackoff;

    @ConfigProperty(name = "citycoop.matching.webhooks.max-backoff", defaultValue = "1h")
    Duration maxBackoff;

    @ConfigProperty(name = "citycoop.matching.webhooks.max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "citycoop.matching.webhooks.timeout", defaultValue = "10s")
    Duration timeout;

    @ConfigProperty(name = "citycoop.matching.webhooks.allow-private-addresses", defaultValue = "false")
    boolean allowPrivateAddresses;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Scheduled(every = "${citycoop.matching.webhooks.poll-interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        Backoff backoff = new Backoff(initialBackoff, maxBackoff, maxAttempts);
        long lease = timeout.toSeconds() + 60;
        List<Deliveries.Claimed> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> deliveries.claimDue(Instant.now(), BATCH, lease));
            for (Deliveries.Claimed delivery : batch) {
                send(delivery, backoff);
            }
        } while (batch.size() == BATCH);
    }

    private void send(Deliveries.Claimed delivery, Backoff backoff) {
        String body = "{\"deliveryId\":\"" + delivery.id() + "\",\"subscriptionId\":\"" + delivery.subscriptionId()
                + "\",\"digest\":" + delivery.digest() + ",\"alerts\":" + delivery.alertsJson() + "}";
        Integer status = null;
        String error = null;
        Optional<String> refusal = WebhookAddresses.refusal(delivery.url(), allowPrivateAddresses, WebhookAddresses.SYSTEM);
        if (refusal.isPresent()) {
            error = "not sent: " + refusal.get();
        } else {
            long timestamp = Instant.now().getEpochSecond();
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(delivery.url()))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "CityCoop-Webhooks/1")
                        .header(WebhookSignature.DELIVERY_HEADER, delivery.id().toString())
                        .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                        .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(delivery.secret(), timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(), HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status < 200 || status > 299) {
                    error = "answered HTTP " + status;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        boolean delivered = error == null;
        Instant now = Instant.now();
        Duration wait = delivered ? null : backoff.after(delivery.attempt());
        Integer code = status;
        String reason = error;
        QuarkusTransaction.requiringNew().run(() -> deliveries.recordAttempt(delivery.id(), delivered, code, reason,
                wait == null ? null : now.plus(wait), now));
        if (!delivered) {
            LOG.infof("Webhook delivery %s attempt %d failed (%s)%s", delivery.id(), delivery.attempt(), error,
                    wait == null ? "; no attempt left" : "; next in " + wait);
        }
    }
}
