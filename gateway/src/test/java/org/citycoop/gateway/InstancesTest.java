package org.citycoop.gateway;

import org.citycoop.gateway.routing.CircuitBreaker;
import org.citycoop.gateway.routing.Instances;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The choice of a service's instance: in turn, passing over the tried ones and those whose circuit is open. */
class InstancesTest {

    private static final long OPEN_NANOS = 10_000_000_000L;

    private static Instances<String> three() {
        return new Instances<>(List.of("a", "b", "c"), () -> new CircuitBreaker(2, OPEN_NANOS));
    }

    @Test
    void requestsGoToTheInstancesInTurn() {
        Instances<String> instances = three();
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            chosen.add(instances.get(instances.next(0, Set.of())));
        }
        assertEquals(List.of("a", "b", "c", "a", "b", "c"), chosen);
    }

    @Test
    void anInstanceWhoseCircuitIsOpenIsPassedOverUntilItsTrial() {
        Instances<String> instances = three();
        instances.breaker(1).failed(0);
        instances.breaker(1).failed(0); // b's circuit opens at 0 for 10 s
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            chosen.add(instances.get(instances.next(1, Set.of())));
        }
        assertEquals(List.of("a", "c", "c", "a", "c", "c"), chosen, "b never (its turns go to the next one)");
        assertTrue(chosen.stream().noneMatch("b"::equals));
        // once the open time is over, b gets its one trial request
        List<String> later = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            later.add(instances.get(instances.next(OPEN_NANOS + 1, Set.of())));
        }
        assertTrue(later.contains("b"), later.toString());
    }

    @Test
    void aRequestThatCouldNotConnectGoesToAnInstanceItHasNotTried() {
        Instances<String> instances = three();
        int first = instances.next(0, Set.of());
        int second = instances.next(0, Set.of(first));
        int third = instances.next(0, Set.of(first, second));
        assertEquals(Set.of(0, 1, 2), Set.of(first, second, third));
        assertEquals(-1, instances.next(0, Set.of(0, 1, 2)), "no instance left: the gateway answers 503");
    }

    @Test
    void whenEveryCircuitIsOpenNoInstanceIsChosen() {
        Instances<String> instances = three();
        for (int i = 0; i < 3; i++) {
            instances.breaker(i).failed(0);
            instances.breaker(i).failed(0);
        }
        assertEquals(-1, instances.next(1, Set.of()));
        assertEquals(10, instances.secondsUntilTrial(0));
    }
}
