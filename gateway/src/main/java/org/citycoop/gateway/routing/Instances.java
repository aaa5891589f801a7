package org.citycoop.gateway.routing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of one routed service, each with its own {@link CircuitBreaker}, taken in turn (round robin): a request
 * goes to the next instance whose circuit lets it through, so that an instance that is down (its circuit open) is
 * passed over while another takes requests. The gateway also sends a request that could not connect to one instance
 * to the next ({@link #next} with the ones already tried), since nothing of it reached the first.
 *
 * <p>A few lines of its own rather than a load-balancing library (SmallRye Stork): the gateway's proxy sends each
 * request itself through a Vert.x {@code HttpClient} to an address it chooses, and the choice must know each
 * instance's circuit, which the gateway already keeps.
 *
 * @param <T> what the gateway keeps per instance (its address)
 */
public final class Instances<T> {

    private final List<T> instances;
    private final List<CircuitBreaker> breakers;
    private final AtomicInteger turn = new AtomicInteger();

    public Instances(List<T> instances, java.util.function.Supplier<CircuitBreaker> breaker) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a service has at least one instance");
        }
        this.instances = List.copyOf(instances);
        this.breakers = instances.stream().map(ignored -> breaker.get()).toList();
    }

    public int size() {
        return instances.size();
    }

    public T get(int index) {
        return instances.get(index);
    }

    public CircuitBreaker breaker(int index) {
        return breakers.get(index);
    }

    /**
     * The index of the instance that takes the next request: the next in turn, not in {@code tried}, whose circuit
     * allows a request now (an open circuit's one trial request counts as taken); -1 when none may.
     */
    public int next(long now, Set<Integer> tried) {
        int size = instances.size();
        int start = Math.floorMod(turn.getAndIncrement(), size);
        for (int step = 0; step < size; step++) {
            int index = (start + step) % size;
            if (!tried.contains(index) && breakers.get(index).allow(now)) {
                return index;
            }
        }
        return -1;
    }

    /** Seconds until the first open circuit lets a trial request through (at least 1), for {@code Retry-After}. */
    public long secondsUntilTrial(long now) {
        return breakers.stream().mapToLong(b -> b.secondsUntilTrial(now)).min().orElse(1);
    }
}
