package org.citycoop.catalog.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citycoop.catalog.Fixtures;
import org.citycoop.catalog.TopicReader;
import org.citycoop.platform.outbox.Outbox;
import org.citycoop.platform.outbox.OutboxEvent;
import org.citycoop.platform.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Relays running side by side (as on several instances of a service sharing one outbox) publish one aggregate's
 * events in the order they were written, each once: only one of them relays at a time.
 */
@QuarkusTest
class OutboxRelayOrderTest {

    private static final String TOPIC = "test.relay-order";
    private static final int EVENTS = 2_000; // four batches of the default 500

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Test
    void relaysSideBySidePublishAnAggregatesEventsInOrderAndOnce() throws Exception {
        String key = "aggregate-" + UUID.randomUUID();
        List<OutboxEvent> events = IntStream.rangeClosed(1, EVENTS)
                .mapToObj(version -> new OutboxEvent(TOPIC, key, "org.citycoop.test.changed.v1", key, Map.of("version", version)))
                .toList();
        QuarkusTransaction.requiringNew().run(() -> outbox.recordAll(events));

        ExecutorService relays = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                running.add(relays.submit(() -> {
                    for (int round = 0; round < 40; round++) {
                        relay.publishBatch();
                    }
                }));
            }
            for (Future<?> one : running) {
                one.get(5, TimeUnit.MINUTES);
            }
        } finally {
            relays.shutdownNow();
        }

        try (TopicReader topic = new TopicReader(TOPIC)) {
            List<ConsumerRecord<String, String>> published = topic.awaitRecords(key, EVENTS);
            List<Integer> versions = new ArrayList<>();
            for (ConsumerRecord<String, String> record : published) {
                JsonNode data = Fixtures.JSON.readTree(record.value());
                versions.add(data.get("version").asInt());
            }
            assertEquals(IntStream.rangeClosed(1, EVENTS).boxed().toList(), versions);
        }
    }
}
