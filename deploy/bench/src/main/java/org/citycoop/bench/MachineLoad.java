package org.citycoop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What else ran on the machine while a benchmark measured, since the machine may be shared: the load average
 * ({@code /proc/loadavg}) and the processes that used the most CPU over a short window (their CPU time before and after,
 * as {@link ProcessHandle} reports it; processes of other users may not report theirs), those of the benchmark's suite
 * marked.
 */
final class MachineLoad {

    /** One process's share of a core during the window. */
    record Busy(long pid, double cores, String command, boolean ours) {
    }

    private MachineLoad() {
    }

    /** A line such as {@code load average 2.82 1.67 2.27 (1, 5, 15 min) on 2 cores}, or why it is unknown. */
    static String loadAverage() {
        try {
            return describeLoadAverage(Files.readString(Path.of("/proc/loadavg")), Runtime.getRuntime().availableProcessors());
        } catch (IOException | RuntimeException e) {
            return "load average unknown (" + e.getMessage() + ") on " + Runtime.getRuntime().availableProcessors() + " cores";
        }
    }

    /** The load average line for the contents of {@code /proc/loadavg}. */
    static String describeLoadAverage(String procLoadavg, int cores) {
        String[] fields = procLoadavg.trim().split("\\s+");
        if (fields.length < 3) {
            throw new IllegalArgumentException("not a /proc/loadavg line: " + procLoadavg);
        }
        return "load average " + fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min) on " + cores + " cores";
    }

    /** The {@code count} processes that used the most CPU over {@code window}, busiest first. */
    static List<Busy> busiest(Duration window, int count) throws InterruptedException {
        Map<Long, Duration> before = cpuTimes();
        Thread.sleep(window.toMillis());
        Map<Long, Duration> after = cpuTimes();
        Set<Long> ours = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        ours.add(ProcessHandle.current().pid());
        return rank(before, after, window, count).stream()
                .map(b -> new Busy(b.pid(), b.cores(), command(b.pid()), ours.contains(b.pid()))).toList();
    }

    /**
     * The {@code count} processes whose CPU time grew most from {@code before} to {@code after} (both by pid), as shares of a
     * core over {@code window}, busiest first; processes missing from either map are left out. Commands are filled later.
     */
    static List<Busy> rank(Map<Long, Duration> before, Map<Long, Duration> after, Duration window, int count) {
        return after.entrySet().stream().filter(e -> before.containsKey(e.getKey()))
                .map(e -> new Busy(e.getKey(), e.getValue().minus(before.get(e.getKey())).toNanos() / (double) window.toNanos(), "", false))
                .filter(b -> b.cores() > 0)
                .sorted(Comparator.comparingDouble(Busy::cores).reversed()).limit(count).toList();
    }

    /** Prints the load average and the busiest processes over two seconds, under {@code heading}. */
    static void print(String heading, java.io.PrintStream out) throws InterruptedException {
        out.println(heading + ": " + loadAverage() + "; busiest processes over 2 s (share of a core):");
        for (Busy busy : busiest(Duration.ofSeconds(2), 6)) {
            out.printf("  %5.2f  pid %-7d %s%s%n", busy.cores(), busy.pid(), busy.ours() ? "[this benchmark] " : "", busy.command());
        }
    }

    /**
     * The CPU time used so far by each part of this benchmark's suite, summed over its processes: a service by the module
     * of its jar ({@code gateway}, {@code catalog-service}, ...), {@code postgres}, {@code kafka}, and this JVM as
     * {@code benchmark} (the load it sends).
     */
    static Map<String, Duration> suiteCpu() {
        Map<String, Duration> parts = new java.util.TreeMap<>();
        ProcessHandle.current().descendants().forEach(p -> p.info().totalCpuDuration()
                .ifPresent(cpu -> parts.merge(part(p.info().commandLine().orElse("")), cpu, Duration::plus)));
        ProcessHandle.current().info().totalCpuDuration().ifPresent(cpu -> parts.merge("benchmark", cpu, Duration::plus));
        return parts;
    }

    /** Which part of the suite a command line belongs to. */
    private static String part(String commandLine) {
        java.util.regex.Matcher jar = java.util.regex.Pattern.compile("/([a-z-]+)/target/quarkus-app/").matcher(commandLine);
        if (jar.find()) {
            return jar.group(1);
        }
        return commandLine.contains("postgres") ? "postgres" : commandLine.contains("kafka") ? "kafka" : "other";
    }

    private static Map<Long, Duration> cpuTimes() {
        Map<Long, Duration> times = new HashMap<>();
        ProcessHandle.allProcesses().forEach(p -> p.info().totalCpuDuration().ifPresent(cpu -> times.put(p.pid(), cpu)));
        return times;
    }

    /** The process's command line, shortened to its program and the most telling arguments (a jar, a main class). */
    private static String command(long pid) {
        String line = ProcessHandle.of(pid).flatMap(p -> p.info().commandLine().or(() -> p.info().command())).orElse("?");
        return shorten(line, 110);
    }

    /**
     * {@code line} cut to {@code max} characters, without what says little about whose process it is: the class path
     * (often huge) and the JVM's {@code -D} and {@code -X} options, except Maven's project directory (which checkout it
     * builds).
     */
    static String shorten(String line, int max) {
        String telling = line.replaceAll("(-cp|-classpath|--class-path) \\S+", "$1 …")
                .replaceAll(" -(?!Dmaven\\.multiModuleProjectDirectory=)[DX]\\S*", "");
        return telling.length() <= max ? telling : telling.substring(0, max - 1) + "…";
    }
}
