package org.citycoop.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import org.citycoop.platform.events.CloudEventHeaders;
import org.citycoop.platform.events.EventTracing;
import org.citycoop.platform.storage.DatabaseTime;
import org.citycoop.platform.events.EventsConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in the order they were written, with an idempotent producer
 * ({@code enable.idempotence=true}, {@code acks=all}), and deletes each batch only once the broker
 * has acknowledged all of it. While Kafka is unreachable the rows stay and the relay retries on its
 * next run, so nothing is lost.
 *
 * <p>Several instances of a service share one outbox, and only one of them relays at a time: a batch is
 * published under a PostgreSQL advisory lock held for its transaction ({@code pg_try_advisory_xact_lock}); an
 * instance that does not get it publishes nothing this time. Two relays side by side could otherwise publish an
 * aggregate's events out of order (one takes rows 1 to 500 while the other takes 501 to 1000 and is acknowledged
 * first), and a compacted topic would then keep a stale version. The events of one aggregate are written in the
 * order their transactions commit (each changes the aggregate's row, so they follow one another), and the one relay
 * publishes in that order with an idempotent producer, which keeps it per partition.
 *
 * <p>It runs right after every commit that wrote to the outbox, and once a second to catch up after
 * a failure or a restart ({@code citycoop.outbox.catch-up-interval}). Settings: {@link OutboxConfig},
 * {@link EventsConfig} (the CloudEvents source of this service).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock of the relay, in each service's own database ("outbox" in ASCII, a 64-bit key). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @Inject
    EntityManager entityManager;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    OutboxConfig config;

    @Inject
    EventsConfig events;

    private KafkaProducer<String, String> producer;
    private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "outbox-relay"));
    private final java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean stopping;

    /** Lets a batch in flight finish and takes no new one, before the database layer closes. */
    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) throws InterruptedException {
        stopping = true;
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Publishes as soon as a transaction that wrote events has committed. */
    void afterCommit(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wakeUp();
    }

    @Scheduled(every = "${citycoop.outbox.catch-up-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUp() {
        wakeUp();
    }

    private void wakeUp() {
        if (!stopping && queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    relay();
                });
            } catch (java.util.concurrent.RejectedExecutionException stoppedMeanwhile) {
                queued.set(false);
            }
        }
    }

    void relay() {
        try {
            int published;
            do {
                published = publishBatch();
            } while (published == config.batchSize() && !stopping);
        } catch (RuntimeException e) {
            if (stopping) {
                return;
            }
            LOG.warnf("Outbox relay will retry: %s", e.getMessage());
        }
    }

    /**
     * Publishes up to one batch, in a transaction of its own, unless another instance is relaying; returns how many
     * events it published.
     */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew().call(this::publishBatchInTransaction);
    }

    private int publishBatchInTransaction() throws Exception {
        Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT seq, event_id, topic, message_key, event_type, subject, payload, occurred_at, traceparent,
                               tracestate
                        FROM outbox_event ORDER BY seq LIMIT ?1""")
                .setParameter(1, config.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        List<Long> sequences = new ArrayList<>(rows.size());
        List<Span> spans = new ArrayList<>(rows.size());
        try {
            for (Object[] row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>((String) row[2], (String) row[3], (String) row[6]);
                CloudEventHeaders.write(record.headers(), row[1].toString(), events.source(), (String) row[4], (String) row[5],
                        DatabaseTime.utc(row[7]));
                spans.add(tracing.startSend(record.headers(), record.topic(), row[1].toString(), (String) row[8], (String) row[9]));
                acks.add(producer().send(record));
                sequences.add(((Number) row[0]).longValue());
            }
            producer().flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, e.toString()));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
        entityManager.createNativeQuery("DELETE FROM outbox_event WHERE seq = ANY(?1)")
                .setParameter(1, sequences.toArray(new Long[0]))
                .executeUpdate();
        return rows.size();
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000,
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + events.source().replaceAll("[^A-Za-z0-9-]", ""),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        worker.shutdown();
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
