package org.citycoop.catalog.scheme;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.citycoop.catalog.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Facet counts while schemes change: every count must take its values from the moment that found its schemes, the
 * total and each facet (counted without its own filter) alike. An attack run found counts whose values came from
 * another request's reading of the index (12 of 2,000).
 */
@QuarkusTest
class SchemeFacetsUnderWritesTest {

    private static final List<String> AREAS = List.of("AIR_QUALITY", "SOLID_WASTE");

    @Test
    void whileWritersMoveSchemesBetweenAreasEveryCountIsOfOneMoment() throws Exception {
        String agency = Fixtures.createAgency("moving");
        int writers = 2;
        int perWriter = 6;
        String[][] etags = new String[writers][perWriter];
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < perWriter; i++) {
                etags[w][i] = Fixtures.putScheme(agency, ref(w, i), scheme(AREAS.get(i % 2))).statusCode(201).extract().header("ETag");
            }
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(writers + 3);
        try {
            List<Future<?>> writes = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writes.add(threads.submit(() -> {
                    for (int round = 1; round <= 12; round++) {
                        for (int i = 0; i < perWriter; i++) {
                            String area = AREAS.get((i + round) % 2);
                            etags[writer][i] = Fixtures.putScheme(agency, ref(writer, i), scheme(area), etags[writer][i])
                                    .statusCode(200).extract().header("ETag");
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new java.util.ArrayList<>();
            for (int r = 0; r < 3; r++) {
                String area = AREAS.get(r % 2);
                readers.add(threads.submit(() -> {
                    while (writing.get()) {
                        JsonPath facets = given().urlEncodingEnabled(false).get("/v1/schemes:facets?facets=challenge&agency=" + agency + "&challenge=" + area)
                                .then().statusCode(200).extract().jsonPath();
                        long total = facets.getLong("total");
                        List<Map<String, Object>> counted = facets.getList("facets.challenge");
                        // the challenge facet is counted without its own filter, over the agency's schemes: each has one
                        // area, so the counts add up to all of them, and the area asked for has as many as the total
                        long all = counted.stream().mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
                        long ofThatArea = counted.stream().filter(c -> area.equals(c.get("value")))
                                .mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
                        boolean oneMoment = all == (long) writers * perWriter && ofThatArea == total;
                        if (!oneMoment) {
                            wrong.add("challenge=" + area + ": total " + total + ", counted " + counted);
                        }
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(1, TimeUnit.MINUTES);
            }
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }
        assertTrue(reads.get() >= 10, "the readers ran beside the writers: " + reads.get());
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + reads.get() + " counts took values from another moment: " + wrong);
    }

    private static String ref(int writer, int i) {
        return "MOVE-" + writer + "-" + i;
    }

    private static ObjectNode scheme(String area) {
        ObjectNode scheme = Fixtures.scheme();
        scheme.putArray("challengeAreas").add(area);
        return scheme;
    }
}
