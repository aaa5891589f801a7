package org.citycoop.platform.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citycoop.platform.storage.DatabaseFailures;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Applies one Kafka poll of an idempotent consumer (a channel with {@code batch=true}) in one database
 * transaction, with the guarantees of one event at a time:
 * <ol>
 * <li>Every record is read first ({@link Reader}). A record that cannot be read (not JSON, no id or version)
 * is a poison record: it is nacked on its own, so the channel's {@code failure-strategy=dead-letter-queue} sends
 * that record alone to the dead-letter topic with the connector's headers ({@code dead-letter-reason} and the
 * others). Nacking the whole batch would not do: SmallRye nacks every record of a nacked batch, which would send
 * the good records to the dead-letter topic too. Records of a type the consumer does not handle are skipped.</li>
 * <li>The readable records are applied in one transaction: their event ids go into the processed-event log
 * with one statement ({@link ProcessedEvents#firstDeliveries}), and the {@link Applier} gets the first deliveries
 * in the order of the poll (per partition in offset order, so the events of one aggregate in the order they
 * were published). A redelivered id, or one seen earlier in the same poll, is skipped.</li>
 * <li>If that transaction fails, it is rolled back entirely. While the database is unavailable (connection
 * lost, serialization failure or deadlock, too many connections, shutdown; see {@link DatabaseFailures#isTransient}) it is
 * retried with a growing pause for up to {@link #TRANSIENT_RETRY_LIMIT}; after that the poll fails unacknowledged,
 * the connector reports the channel unhealthy and stops it, and the poll is delivered again after a restart,
 * so nothing is lost. A failure the database or the applier gives for the data (a value PostgreSQL refuses, a
 * broken rule) would fail again in the same way: the records are then applied one per transaction, and a record
 * refused on its own goes to the dead-letter topic as a poison record does, the others are applied.</li>
 * <li>Only then are the poison records nacked, and once the dead-letter topic has them the poll is acknowledged
 * (the connector commits its latest offset per partition): a crash before that redelivers the poll, whose
 * applied events the processed-event log skips. If the dead-letter topic cannot be written, the poll fails
 * unacknowledged in the same way.</li>
 * </ol>
 * Each record is processed in a span that continues the trace of the request that made its event ({@link EventTracing}).
 * A consumer method is {@code @Incoming @Blocking} on a {@code KafkaRecordBatch<String, String>} and returns
 * {@link #consume}'s stage; it must not throw, because the connector would then nack the whole batch.
 */
@ApplicationScoped
public class EventBatches {

    /**
     * How long a poll is retried while the database is unavailable: less than the connector's limit for a record
     * waiting for acknowledgement ({@code throttled.unprocessed-record-max-age.ms}, 60 s by default).
     */
    static final Duration TRANSIENT_RETRY_LIMIT = Duration.ofSeconds(30);
    private static final long FIRST_PAUSE_MS = 250;
    private static final long LONGEST_PAUSE_MS = 5_000;

    private static final Logger LOG = Logger.getLogger(EventBatches.class);

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Inject
    EventTracing tracing;

    /** Reads a record's data; throws when the record cannot be read (it then goes to the dead-letter topic). */
    @FunctionalInterface
    public interface Reader<T> {
        T read(IncomingEvent event) throws Exception;
    }

    /** Applies the first deliveries of a poll, in order, inside the transaction that records their ids. */
    @FunctionalInterface
    public interface Applier<T> {
        void apply(List<Delivery<T>> deliveries);
    }

    /** An event to apply and the data its {@link Reader} read. */
    public record Delivery<T>(IncomingEvent event, T data) {
    }

    /** A readable record of the poll, and the span of its processing. */
    private record Pending<T>(KafkaRecord<String, String> record, String eventId, Delivery<T> delivery, Span span) {
    }

    /** A record that goes to the dead-letter topic, and why. */
    private record Refused(KafkaRecord<String, String> record, Throwable reason) {
    }

    /**
     * Applies the poll and acknowledges it (see the class description).
     *
     * @param consumer the consumer's name in the processed-event log, for example {@code matching.schemes}
     * @param types the CloudEvents types the consumer handles; others are skipped
     * @return completes once the poll is acknowledged; fails (unacknowledged) when the database stayed unavailable
     */
    public <T> CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch, String consumer, Set<String> types,
                                             Reader<T> reader, Applier<T> applier) {
        List<Pending<T>> readable = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            ConsumerRecord<String, String> consumed = consumerRecord(record);
            IncomingEvent event = IncomingEvent.of(consumed);
            if (!types.contains(event.type())) {
                LOG.infof("Skipped event %s of type %s on %s", event.id(), event.type(), consumed.topic());
                continue;
            }
            Span span = tracing.startProcess(consumed.headers(), consumed.topic(), event.idOr(consumed), consumer);
            try {
                readable.add(new Pending<>(record, event.idOr(consumed), new Delivery<>(event, reader.read(event)), span));
            } catch (Exception e) {
                span.setStatus(StatusCode.ERROR, "unreadable: " + e).end();
                refused.add(new Refused(record, e));
            }
        }
        // The log lines of a poll of one record (the usual case outside of catch-ups) carry its trace id.
        try (Scope scope = readable.size() == 1 ? readable.get(0).span().makeCurrent() : Scope.noop()) {
            refused.addAll(apply(consumer, readable, applier));
        } catch (RuntimeException e) {
            readable.forEach(one -> one.span().setStatus(StatusCode.ERROR, "database unavailable").end());
            LOG.errorf(e, "%s: the database stayed unavailable for %d s; the poll of %d records is not acknowledged, "
                    + "the channel stops and the poll is delivered again after a restart", consumer, TRANSIENT_RETRY_LIMIT.toSeconds(), batch.getRecords().size());
            return CompletableFuture.failedFuture(e);
        }
        readable.forEach(one -> one.span().end());
        if (!refused.isEmpty()) {
            metrics.counter("citycoop.events.dead.letters", "consumer", consumer).increment(refused.size());
        }
        CompletableFuture<?>[] deadLetters = refused.stream()
                .map(dead -> dead.record().nack(dead.reason()).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(deadLetters).thenCompose(sent -> batch.ack());
    }

    /** Applies the readable records; returns those refused on their own. Throws while the database is unavailable. */
    private <T> List<Refused> apply(String consumer, List<Pending<T>> pending, Applier<T> applier) {
        if (pending.isEmpty()) {
            return List.of();
        }
        try {
            retryingWhileUnavailable(() -> applyInOneTransaction(consumer, pending, applier));
            return List.of();
        } catch (RuntimeException e) {
            if (DatabaseFailures.isTransient(e)) {
                throw e;
            }
            LOG.warnf("%s: a poll of %d events failed in one transaction (%s); applying them one by one", consumer,
                    pending.size(), rootCause(e).getMessage());
        }
        List<Refused> refused = new ArrayList<>();
        for (Pending<T> one : pending) {
            try {
                retryingWhileUnavailable(() -> applyInOneTransaction(consumer, List.of(one), applier));
            } catch (RuntimeException e) {
                if (DatabaseFailures.isTransient(e)) {
                    throw e;
                }
                one.span().setStatus(StatusCode.ERROR, "refused: " + rootCause(e));
                refused.add(new Refused(one.record(), e));
            }
        }
        return refused;
    }

    private <T> void applyInOneTransaction(String consumer, List<Pending<T>> pending, Applier<T> applier) {
        QuarkusTransaction.requiringNew().run(() -> {
            Set<String> first = processedEvents.firstDeliveries(consumer, pending.stream().map(Pending::eventId).toList());
            List<Delivery<T>> deliveries = new ArrayList<>(pending.size());
            for (Pending<T> one : pending) {
                if (first.remove(one.eventId())) {
                    deliveries.add(one.delivery());
                } else {
                    LOG.debugf("Skipped redelivered event %s", one.eventId());
                }
            }
            applier.apply(deliveries);
        });
    }

    private static void retryingWhileUnavailable(Runnable transaction) {
        long giveUpAt = System.nanoTime() + TRANSIENT_RETRY_LIMIT.toNanos();
        long pause = FIRST_PAUSE_MS;
        while (true) {
            try {
                transaction.run();
                return;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isTransient(e) || System.nanoTime() + pause * 1_000_000 > giveUpAt) {
                    throw e;
                }
                LOG.warnf("The database is unavailable (%s); trying again in %d ms", rootCause(e).getMessage(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
            }
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("A record of a batch carries no Kafka metadata"));
    }
}
