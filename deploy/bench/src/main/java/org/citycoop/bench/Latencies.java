package org.citycoop.bench;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * Response times of one kind of request, recorded in an HdrHistogram (microseconds, 3 significant
 * digits, up to one minute) and printed as count, p50, p99 and max in milliseconds.
 */
public final class Latencies {

    private final String label;
    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);

    public Latencies(String label) {
        this.label = label;
    }

    /** Records one request that took {@code nanos} nanoseconds. */
    public void record(long nanos) {
        histogram.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), histogram.getHighestTrackableValue()));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The {@code percentile} (0-100) in milliseconds. */
    public double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** One line: {@code label  n=... p50=... ms p99=... ms max=... ms}. */
    public void print(PrintStream out) {
        out.printf("%-48s n=%-6d p50=%8.2f ms  p99=%8.2f ms  max=%8.2f ms%n", label, count(),
                percentileMillis(50), percentileMillis(99), histogram.getMaxValue() / 1000.0);
    }
}
