package org.citycoop.bench;

import java.net.http.HttpRequest;
import java.util.List;

/**
 * The smallest benchmark: the gateway's own health endpoint, to see the floor that every request
 * through the gateway pays. Option: number of requests (default 2,000).
 */
final class SmokeBenchmark implements Benchmark {

    @Override
    public String name() {
        return "gateway-floor";
    }

    @Override
    public String description() {
        return "latency of GET /q/health/live through the gateway [requests, default 2000]";
    }

    @Override
    public void run(BenchSuite suite, List<String> options) throws Exception {
        int requests = options.isEmpty() ? 2000 : Integer.parseInt(options.get(0));
        Latencies latencies = new Latencies("GET /q/health/live");
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            int status = suite.send(HttpRequest.newBuilder().GET(), "/q/health/live").statusCode();
            latencies.record(System.nanoTime() - start);
            if (status != 200) {
                throw new IllegalStateException("GET /q/health/live answered " + status);
            }
        }
        latencies.print(System.out);
    }
}
