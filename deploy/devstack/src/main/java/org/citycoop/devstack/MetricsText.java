package org.citycoop.devstack;

/**
 * Reads a {@code /q/metrics} answer (the Prometheus text format) in tests: the sum of a metric's samples whose
 * labels hold each given {@code name="value"} pair.
 */
public final class MetricsText {

    private MetricsText() {
    }

    /**
     * @param text the whole answer
     * @param metric the sample name, for example {@code http_server_requests_seconds_count}
     * @param labels the label pairs a sample must carry, as written in the text ({@code uri="/v1/schemes"})
     * @return the sum; NaN when no sample matches
     */
    public static double sum(String text, String metric, String... labels) {
        double sum = Double.NaN;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(metric + "{") || line.startsWith(metric + " "))) {
                continue;
            }
            int end = line.lastIndexOf(' ');
            String series = line.substring(0, end);
            if (java.util.Arrays.stream(labels).allMatch(series::contains)) {
                double value = Double.parseDouble(line.substring(end + 1));
                sum = Double.isNaN(sum) ? value : sum + value;
            }
        }
        return sum;
    }
}
