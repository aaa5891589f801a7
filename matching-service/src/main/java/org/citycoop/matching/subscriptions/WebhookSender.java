package org.citycoop.matching.subscriptions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import org.citycoop.platform.storage.DatabaseTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends due webhook deliveries from the {@code delivery} table, so that nothing queued is lost across
 * restarts. Each run claims a batch ({@link SubscriptionRepository#claimDue}), POSTs its deliveries at once through
 * {@link WebhookCall} (the Vert.x HTTP client, connecting to the address the SSRF check accepted; a slow receiver
 * holds up the others by at most the timeout), signed as {@link WebhookSignature} describes (Standard Webhooks),
 * and records each outcome: a 2xx answer delivers it;
 * anything else (another status, a timeout, a refused connection, an address that now resolves to a private
 * one) is retried after {@link Backoff} until the attempts run out (then FAILED).
 *
 * <p>Body: {@code {"deliveryId": "...", "subscriptionId": "...", "digest": false, "alerts": [Alert, ...]}}.
 *
 * <p>Settings: {@link WebhookConfig}.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int BATCH = 20;

    @Inject
    DatabaseTime time;

    @Inject
    SubscriptionRepository deliveries;

    @Inject
    WebhookConfig config;

    @Inject
    Vertx vertx;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    private WebhookCall call;

    @PostConstruct
    void createClient() {
        call = new WebhookCall(vertx, config.timeout(), config.allowPrivateAddresses(), WebhookAddresses.SYSTEM);
        for (String outcome : new String[] {"delivered", "failed", "given-up"}) { // listed from the start, at 0
            metrics.counter("citycoop.webhook.attempts", "outcome", outcome);
        }
    }

    @PreDestroy
    void closeClient() {
        call.close();
    }

    @Scheduled(every = "${citycoop.matching.webhooks.poll-interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() {
        Backoff backoff = new Backoff(config.initialBackoff(), config.maxBackoff(), config.maxAttempts());
        // the batch is sent at once, so one slow receiver holds up the others by at most the timeout, and the lease
        // outlasts the connect timeout plus the answer's timeout
        long lease = config.timeout().toSeconds() + 60;
        List<SubscriptionRepository.Claimed> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> deliveries.claimDue(time.now(), BATCH, lease));
            List<CompletableFuture<WebhookCall.Outcome>> attempts = batch.stream().map(this::attempt).toList();
            for (int i = 0; i < batch.size(); i++) {
                record(batch.get(i), attempts.get(i).join(), backoff);
            }
        } while (batch.size() == BATCH);
    }

    private CompletableFuture<WebhookCall.Outcome> attempt(SubscriptionRepository.Claimed delivery) {
        String body = "{\"deliveryId\":\"" + delivery.id() + "\",\"subscriptionId\":\"" + delivery.subscriptionId()
                + "\",\"digest\":" + delivery.digest() + ",\"alerts\":" + delivery.alertsJson() + "}";
        Map<String, String> headers;
        try {
            headers = WebhookSignature.headers(delivery.secret(), delivery.id().toString(), time.now().getEpochSecond(), body);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new WebhookCall.Outcome(null, "not sent: " + e.getMessage()));
        }
        return call.post(delivery.url(), headers, body);
    }

    private void record(SubscriptionRepository.Claimed delivery, WebhookCall.Outcome outcome, Backoff backoff) {
        boolean delivered = outcome.error() == null;
        Instant now = time.now();
        Duration wait = delivered ? null : backoff.after(delivery.attempt());
        QuarkusTransaction.requiringNew().run(() -> deliveries.recordAttempt(delivery.id(), delivered, outcome.status(), outcome.error(),
                wait == null ? null : now.plus(wait), now));
        metrics.counter("citycoop.webhook.attempts", "outcome", delivered ? "delivered" : wait == null ? "given-up" : "failed").increment();
        if (!delivered) {
            LOG.infof("Webhook delivery %s attempt %d failed (%s)%s", delivery.id(), delivery.attempt(), outcome.error(),
                    wait == null ? "; no attempt left" : "; next in " + wait);
        }
    }
}
