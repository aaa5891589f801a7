package org.citycoop.platform.storage;

import jakarta.persistence.EntityManager;

/**
 * Serialises work on one key across transactions and instances with a PostgreSQL transaction-level advisory lock: the
 * caller waits until no other transaction holds the key, and the lock is released when its own transaction ends.
 * Keys are text naming what they guard ({@code agency:ADB}, {@code activities:ADB}); PostgreSQL's {@code hashtext}
 * turns them into the lock's number.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits for and takes the lock on {@code key} until the current transaction ends. */
    public static void lockForTransaction(EntityManager entityManager, String key) {
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))").setParameter(1, key)
                .getSingleResult();
    }
}
