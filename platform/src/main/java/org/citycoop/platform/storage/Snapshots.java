package org.citycoop.platform.storage;

import jakarta.persistence.EntityManager;

/**
 * Reads that must agree with each other (a count and the counts of its parts, made by several statements) take them from
 * one snapshot of the database: the transaction is made REPEATABLE READ and READ ONLY, so that every statement in it
 * sees the rows as they were at its first, whatever commits meanwhile.
 */
public final class Snapshots {

    private Snapshots() {
    }

    /** Makes the current transaction read one snapshot; must come before the transaction's first statement. */
    public static void readOne(EntityManager entityManager) {
        entityManager.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").executeUpdate();
    }
}
