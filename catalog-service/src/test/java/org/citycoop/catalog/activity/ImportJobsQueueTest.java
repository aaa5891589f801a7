package org.citycoop.catalog.activity;

import org.citycoop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Background imports take a place before their file is received; past the limit they are refused, not queued. */
class ImportJobsQueueTest {

    @Test
    void pastItsLimitAnInstanceRefusesMoreBackgroundImportsUntilOneEnds() {
        ImportJobs jobs = new ImportJobs();
        jobs.config = new IatiConfig() {
            @Override
            public io.quarkus.runtime.configuration.MemorySize maxFileSize() {
                return new io.quarkus.runtime.configuration.MemorySize(java.math.BigInteger.valueOf(1024));
            }

            @Override
            public int importWorkers() {
                return 1;
            }

            @Override
            public int importQueue() {
                return 2;
            }
        };
        jobs.reserve();
        jobs.reserve();
        ProblemException refused = assertThrows(ProblemException.class, jobs::reserve);
        assertEquals(503, refused.status());
        jobs.release();
        jobs.reserve(); // a place given back is taken again
        assertThrows(ProblemException.class, jobs::reserve);
    }
}
