package org.citycoop.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entry point of {@code deploy/bench/run <benchmark> [options]}: starts the packaged suite on free
 * loopback ports with a fresh, temporary state directory, runs one benchmark against the gateway,
 * prints its figures on standard output and stops every process it started.
 *
 * <p>Benchmarks are registered in {@link #BENCHMARKS}; each documents its own options.
 */
public final class Bench {

    /** Every benchmark by the name given on the command line. */
    static final Map<String, Benchmark> BENCHMARKS = new TreeMap<>();

    static {
        register(new SmokeBenchmark());
        register(new GatewayBenchmark());
        register(new CatalogBenchmark());
        register(new MatchingBenchmark());
        register(new FinderBenchmark());
        register(new IatiImportBenchmark());
    }

    private Bench() {
    }

    static void register(Benchmark benchmark) {
        BENCHMARKS.put(benchmark.name(), benchmark);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !BENCHMARKS.containsKey(args[1])) {
            System.err.println("usage: deploy/bench/run <benchmark> [options]; benchmarks:");
            BENCHMARKS.values().forEach(b -> System.err.println("  " + b.name() + "  " + b.description()));
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Benchmark benchmark = BENCHMARKS.get(args[1]);
        List<String> options = Arrays.asList(args).subList(2, args.length);
        try (BenchSuite suite = BenchSuite.start(root)) {
            benchmark.run(suite, options);
        }
    }
}
