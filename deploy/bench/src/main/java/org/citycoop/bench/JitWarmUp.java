package org.citycoop.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warm-up before timed requests: sends rounds of the benchmark's own requests for at least {@link #MIN}, then
 * until the JIT of the services they pass through has settled, at most {@link #MAX}. Settled: each of those
 * services compiled fewer than {@link #SETTLED_COMPILES} methods in the last {@link #SETTLED_WINDOW}
 * ({@code sun.ci.totalCompiles} of {@code jcmd <pid> PerfCounter.print}, read every {@link #CHECK_EVERY}).
 *
 * <p>Why: the timed requests should measure the services as they run for hours. Code that runs once per request
 * is compiled at the highest tier only after some ten thousand requests; on two cores that took about two minutes
 * of matches, and during the first 30 s a match took three times as long at the median (deploy/bench/README.md).
 */
final class JitWarmUp {

    static final Duration MIN = Duration.ofSeconds(30);
    static final Duration MAX = Duration.ofMinutes(5);
    static final Duration SETTLED_WINDOW = Duration.ofSeconds(30);
    static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    static final int SETTLED_COMPILES = 150;
    private static final Pattern TOTAL_COMPILES = Pattern.compile("sun\\.ci\\.totalCompiles=(\\d+)");

    /** One round of warm-up requests; {@code elapsed} is the time since the warm-up began. */
    @FunctionalInterface
    interface Round {
        void send(Duration elapsed) throws Exception;
    }

    /** What a warm-up did: how many rounds, how long, and why it stopped. */
    record Outcome(int rounds, Duration took, String why) {
        @Override
        public String toString() {
            return rounds + " rounds in " + took.toSeconds() + " s: " + why;
        }
    }

    private JitWarmUp() {
    }

    /** Sends {@code round} until the JIT of {@code services} (names as in the suite, such as {@code gateway}) has settled. */
    static Outcome run(BenchSuite suite, List<String> services, Round round) throws Exception {
        ArrayDeque<Map<String, Long>> compiles = new ArrayDeque<>(); // one entry per check, oldest first
        int checksPerWindow = (int) (SETTLED_WINDOW.toNanos() / CHECK_EVERY.toNanos());
        long start = System.nanoTime();
        long nextCheck = start + CHECK_EVERY.toNanos();
        int rounds = 0;
        while (true) {
            round.send(Duration.ofNanos(System.nanoTime() - start));
            rounds++;
            long now = System.nanoTime();
            if (now < nextCheck) {
                continue;
            }
            nextCheck = now + CHECK_EVERY.toNanos();
            compiles.addLast(totalCompiles(suite, services));
            if (compiles.size() > checksPerWindow + 1) {
                compiles.removeFirst();
            }
            Duration took = Duration.ofNanos(now - start);
            if (took.compareTo(MIN) >= 0 && compiles.size() == checksPerWindow + 1) {
                Optional<String> settled = settled(services, compiles.getFirst(), compiles.getLast());
                if (settled.isPresent()) {
                    return new Outcome(rounds, took, "the JIT settled (methods compiled in the last "
                            + SETTLED_WINDOW.toSeconds() + " s: " + settled.get() + ")");
                }
            }
            if (took.compareTo(MAX) >= 0) {
                return new Outcome(rounds, took, "stopped at the limit, the JIT had not settled (methods compiled so far: "
                        + compiles.getLast() + ")");
            }
        }
    }

    /** The compile counts of the window, when every service compiled fewer than {@link #SETTLED_COMPILES} methods in it. */
    private static Optional<String> settled(List<String> services, Map<String, Long> before, Map<String, Long> after) {
        List<String> counts = new ArrayList<>();
        for (String service : services) {
            Long then = before.get(service);
            Long now = after.get(service);
            if (then == null || now == null || now - then >= SETTLED_COMPILES) {
                return Optional.empty();
            }
            counts.add(service + " " + (now - then));
        }
        return Optional.of(String.join(", ", counts));
    }

    /** How many methods each service's JVM has compiled so far; a service whose counters cannot be read is left out. */
    private static Map<String, Long> totalCompiles(BenchSuite suite, List<String> services) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String service : services) {
            Optional<Long> pid = suite.pid(service);
            if (pid.isEmpty()) {
                continue;
            }
            try {
                for (String line : BenchSuite.jcmd(pid.get(), "PerfCounter.print")) {
                    Matcher count = TOTAL_COMPILES.matcher(line);
                    if (count.matches()) {
                        counts.put(service, Long.parseLong(count.group(1)));
                    }
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                System.out.println("  could not read the JIT counters of " + service + ": " + e.getMessage());
            }
        }
        return counts;
    }
}
