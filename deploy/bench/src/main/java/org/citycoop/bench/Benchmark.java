package org.citycoop.bench;

import java.util.List;

/** One benchmark: loads what it needs through the gateway of a running suite and prints its figures. */
public interface Benchmark {

    /** The name given to {@code deploy/bench/run}. */
    String name();

    /** One line for the usage text: what it measures and its options. */
    String description();

    /** Runs against {@code suite}; prints figures with {@link Latencies#print} or plain lines. */
    void run(BenchSuite suite, List<String> options) throws Exception;
}
