package org.citycoop.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IATI activity file of a given size (default 50 MB), generated (seeded; clearly not an agency's data: its
 * reporting organisation is {@code XI-IATI-BENCH}), imported through the gateway with
 * {@code POST /v1/agencies/{id}/iati-activities}: prints the throughput (MB/s of the file, target 5 or more), then
 * imports a second file of new activities while sampling the catalogue's live heap every 2 s (used after a full GC,
 * {@code jcmd GC.run} then {@code GC.heap_info}) and prints it before and at its highest, whose difference is the heap
 * the import holds (target under 64 MB). The two are apart because the sampling slows the import it measures. Each activity carries transactions and results as real files do; the import skips them.
 */
final class IatiImportBenchmark implements Benchmark {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final String AGENCY = "bench-iati";
    private static final String ORG = "XI-IATI-BENCH";
    private static final String[] COUNTRIES = {"ID", "VN", "PH", "TH", "KH", "LA", "MN", "BD", "NP", "LK"};
    private static final String[] SECTORS = {"14050", "14010", "14020", "14022", "41010", "43030", "15112", "21020"};

    @Override
    public String name() {
        return "iati-import";
    }

    @Override
    public String description() {
        return "throughput and catalogue heap of an IATI activity file import through the gateway [megabytes, default 50]";
    }

    @Override
    public void run(BenchSuite suite, List<String> options) throws Exception {
        int megabytes = options.isEmpty() ? 50 : Integer.parseInt(options.get(0));
        Path file = Files.createTempFile("citycoop-iati-bench", ".xml");
        try {
            int activities = generate(file, megabytes * 1024L * 1024L, "A");
            long bytes = Files.size(file);
            HttpResponse<String> agency = suite.send(HttpRequest.newBuilder().header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("""
                            {"name":"Benchmark agency (generated)","acronym":"BENCH","organisationType":"40","country":"JP",
                             "iatiOrgId":"%s","website":null,"contact":null,"regionsServed":["798"]}""".formatted(ORG))),
                    "/v1/agencies/" + AGENCY);
            if (agency.statusCode() != 201 && agency.statusCode() != 200) {
                throw new IllegalStateException("PUT /v1/agencies/" + AGENCY + " answered " + agency.statusCode() + ": " + agency.body());
            }
            // 1. timed alone: the heap sampler's full GCs and jcmd processes would slow the import they measure
            double seconds = importFile(suite, file);
            double rate = bytes / 1024.0 / 1024.0 / seconds;
            System.out.printf("IATI import of %.1f MB (%d activities, generated): %.1f s, %.2f MB/s (target 5 MB/s or more: %s)%n",
                    bytes / 1024.0 / 1024.0, activities, seconds, rate, rate >= 5 ? "met" : "NOT met");
            // 2. a second file of as many new activities, with the catalogue's live heap sampled every 2 s
            generate(file, megabytes * 1024L * 1024L, "B");
            Optional<Long> catalog = suite.pid("catalog-service");
            if (catalog.isEmpty()) {
                System.out.println("catalogue heap: not measured (no catalog-service process among this benchmark's children)");
                return;
            }
            long before = liveHeapKb(catalog.get());
            AtomicLong highest = new AtomicLong(before);
            AtomicBoolean importing = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (importing.get()) {
                    try {
                        highest.accumulateAndGet(liveHeapKb(catalog.get()), Math::max);
                        Thread.sleep(2000);
                    } catch (IOException | RuntimeException e) {
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.start();
            double sampledSeconds = importFile(suite, file);
            importing.set(false);
            sampler.join();
            long growth = highest.get() - before;
            System.out.printf("catalogue live heap (after a full GC) during a second import (%.1f s with the sampling): %.1f MB "
                            + "before, %.1f MB at most: growth %.1f MB (target under 64 MB: %s)%n", sampledSeconds, before / 1024.0,
                    highest.get() / 1024.0, growth / 1024.0, growth < 64 * 1024 ? "met" : "NOT met");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Imports the file through the gateway; returns the seconds it took. */
    private static double importFile(BenchSuite suite, Path file) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> report = suite.send(HttpRequest.newBuilder().header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofFile(file)), "/v1/agencies/" + AGENCY + "/iati-activities");
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report.statusCode() != 200 || !report.body().contains("\"rejected\":0")) {
            throw new IllegalStateException("the import answered " + report.statusCode() + ": "
                    + report.body().substring(0, Math.min(500, report.body().length())));
        }
        return seconds;
    }

    /** Used heap after a full GC, in KB, from {@code jcmd GC.heap_info}'s generation or heap lines. */
    private static long liveHeapKb(long pid) throws IOException, InterruptedException {
        BenchSuite.jcmd(pid, "GC.run");
        long usedKb = 0;
        for (String line : BenchSuite.jcmd(pid, "GC.heap_info")) {
            if (line.contains("generation") || line.contains("garbage-first heap")) {
                Matcher used = USED.matcher(line);
                if (used.find()) {
                    usedKb += Long.parseLong(used.group(1));
                }
            }
        }
        return usedKb;
    }

    /**
     * Writes a generated IATI 2.03 activity file of at least {@code size} bytes, its identifiers marked with
     * {@code series}; returns its number of activities.
     */
    static int generate(Path file, long size, String series) throws IOException {
        Random random = new Random(20261207L + series.hashCode());
        int count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Generated for a benchmark: not an agency's data. -->\n");
            out.write("<iati-activities version=\"2.03\" generated-datetime=\"2026-12-07T00:00:00Z\">\n");
            long written = 200;
            while (written < size) {
                count++;
                String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
                StringBuilder activity = new StringBuilder(8192);
                activity.append("<iati-activity xml:lang=\"en\" default-currency=\"USD\" last-updated-datetime=\"2026-09-30T00:00:00Z\">\n")
                        .append(" <iati-identifier>").append(ORG).append("-").append(series).append(count).append("</iati-identifier>\n")
                        .append(" <reporting-org ref=\"").append(ORG).append("\" type=\"40\"><narrative>Benchmark agency</narrative></reporting-org>\n")
                        .append(" <title><narrative>Generated activity ").append(count).append("</narrative></title>\n")
                        .append(" <description type=\"1\"><narrative>").append("Generated text for the benchmark. ".repeat(10))
                        .append("</narrative></description>\n")
                        .append(" <participating-org ref=\"").append(ORG).append("\" role=\"1\" type=\"40\"/>\n")
                        .append(" <activity-status code=\"").append(1 + random.nextInt(4)).append("\"/>\n")
                        .append(" <activity-date iso-date=\"").append(2010 + random.nextInt(15)).append("-04-01\" type=\"1\"/>\n")
                        .append(" <recipient-country code=\"").append(country).append("\" percentage=\"100\"/>\n")
                        .append(" <sector vocabulary=\"1\" code=\"").append(SECTORS[random.nextInt(SECTORS.length)]).append("\" percentage=\"100\"/>\n")
                        .append(" <default-finance-type code=\"110\"/>\n")
                        .append(" <budget type=\"1\" status=\"2\"><period-start iso-date=\"2020-01-01\"/><period-end iso-date=\"2020-12-31\"/>")
                        .append("<value value-date=\"2020-01-01\">").append(1000 + random.nextInt(1_000_000)).append("</value></budget>\n");
                for (int t = 0; t < 20; t++) {
                    activity.append(" <transaction><transaction-type code=\"").append(t == 0 ? 2 : 3).append("\"/>")
                            .append("<transaction-date iso-date=\"2021-01-").append(10 + t).append("\"/>")
                            .append("<value value-date=\"2021-01-10\">").append(100 + random.nextInt(100_000)).append("</value>")
                            .append("<description><narrative>Generated transaction</narrative></description></transaction>\n");
                }
                activity.append(" <result type=\"1\"><title><narrative>Generated result</narrative></title></result>\n</iati-activity>\n");
                out.write(activity.toString());
                written += activity.length();
            }
            out.write("</iati-activities>\n");
        }
        return count;
    }
}
