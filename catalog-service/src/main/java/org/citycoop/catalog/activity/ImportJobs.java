package org.citycoop.catalog.activity;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.problem.ProblemTypes;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Imports that run after their request was answered ({@code Prefer: respond-async}): the file is kept in a temporary
 * file, imported by {@link ActivityImport} on a worker thread of this instance, and its state and progress are kept
 * by {@link ImportJobRepository} in PostgreSQL, where every instance reads them.
 */
@ApplicationScoped
public class ImportJobs {

    /** Progress is written at most this often. */
    static final long PROGRESS_MILLIS = 1_000;

    @Inject
    ActivityImport imports;

    @Inject
    ImportJobRepository store;

    @Inject
    IatiConfig config;

    private final AtomicInteger pending = new AtomicInteger();

    private ExecutorService executor;

    private synchronized ExecutorService executor() {
        if (executor == null) {
            AtomicInteger number = new AtomicInteger();
            executor = Executors.newFixedThreadPool(config.importWorkers(), task -> {
                Thread thread = new Thread(task, "iati-import-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return executor;
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Takes a place for a background import before its file is received; {@link #start} or {@link #release} gives it
     * back.
     *
     * @throws ProblemException 503 when {@code citycoop.iati.import-queue} imports already wait or run here
     */
    public void reserve() {
        if (pending.incrementAndGet() > config.importQueue()) {
            pending.decrementAndGet();
            throw new ProblemException(503, ProblemTypes.HTTP + "503", "Service unavailable", config.importQueue()
                    + " background imports are waiting or running here; send the file again once one has finished", List.of());
        }
    }

    /** Gives back a place taken by {@link #reserve} whose import was not started. */
    public void release() {
        pending.decrementAndGet();
    }

    /**
     * Queues the import of a received file for an agency {@link ActivityImport#agencyFor} accepted; this class deletes
     * the file once imported.
     */
    public ImportJob start(String agencyId, Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportJob job = store.queued(agencyId, size);
        executor().execute(() -> run(job.id(), agencyId, file));
        return job;
    }

    private void run(UUID id, String agencyId, Path file) {
        try (Counting in = new Counting(Files.newInputStream(file))) {
            store.update(id, ImportJob.State.RUNNING, 0, null, null, null);
            long[] written = {System.currentTimeMillis()};
            ImportReport report = imports.importFile(agencyId, in, soFar -> {
                long now = System.currentTimeMillis();
                if (now - written[0] >= PROGRESS_MILLIS) {
                    store.update(id, ImportJob.State.RUNNING, in.count(), soFar, null, null);
                    written[0] = now;
                }
            });
            store.update(id, ImportJob.State.SUCCEEDED, in.count(), report, report, null);
        } catch (ProblemException e) {
            failed(id, new Problem(e.type(), e.title(), e.status(), e.getMessage(), null, null, e.errors()));
        } catch (Exception | Error e) { // whatever stops it (an OutOfMemoryError too), the import ends FAILED, not RUNNING
            Log.errorf(e, "IATI import %s of agency %s stopped", id, agencyId);
            failed(id, new Problem(ProblemTypes.INTERNAL, "Import stopped", 500, "the import stopped before the end of the file "
                    + "and stored nothing; import the file again", null, null, List.of()));
        } finally {
            release();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                Log.warnf(e, "Could not delete %s", file);
            }
        }
    }

    private void failed(UUID id, Problem problem) {
        store.update(id, ImportJob.State.FAILED, -1, null, null, problem);
    }

    /** The file being imported, counting the bytes read. */
    private static final class Counting extends FilterInputStream {
        private volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
