package org.citycoop.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code deploy/local status} prints beside each process: its resident memory ({@code VmRSS} of
 * {@code /proc/<pid>/status}) and, for a service, how long it took from its process start to its first 200 on
 * {@code /q/health/ready} (timed by the launcher that started it and kept in {@code <state>/run/<name>.ready}).
 */
public final class ProcessFigures {

    private ProcessFigures() {
    }

    /** Resident memory in kB ({@code VmRSS}); empty when the process is gone or /proc cannot be read. */
    public static Optional<Long> residentKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.substring(6).trim().split("\\s+")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process just ended
        }
        return Optional.empty();
    }

    /** Keeps a service's start time (and the processor time it took, when known) for {@code status}. */
    public static void recordStart(Path runDirectory, String name, ServiceProcess.ReadyTime ready) throws IOException {
        String text = seconds(ready.elapsed()) + " s";
        if (ready.cpu() != null) {
            text += " (CPU " + seconds(ready.cpu()) + " s)";
        }
        Files.writeString(startFile(runDirectory, name), text);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f", duration.toMillis() / 1000.0);
    }

    /** The start time {@link #recordStart} kept, as text ({@code 2.84 s (CPU 5.10 s)}); empty when none was kept. */
    public static Optional<String> recordedStart(Path runDirectory, String name) {
        try {
            return Optional.of(Files.readString(startFile(runDirectory, name)).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The status column: {@code rss  231 MB  ready in 2.84 s (CPU 5.10 s)} (the start time only for a service). */
    public static String column(long pid, Path runDirectory, String name, boolean service) {
        String rss = residentKilobytes(pid).map(kb -> String.format(Locale.ROOT, "rss %4d MB", Math.round(kb / 1024.0)))
                .orElse("rss    ? MB");
        if (!service) {
            return rss;
        }
        return rss + "  ready in " + recordedStart(runDirectory, name).orElse("?");
    }

    private static Path startFile(Path runDirectory, String name) {
        return runDirectory.resolve(name + ".ready");
    }
}
