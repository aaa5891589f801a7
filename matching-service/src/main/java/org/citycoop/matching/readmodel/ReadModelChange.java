package org.citycoop.matching.readmodel;

/**
 * What a consumer of {@link ReadModelConsumers} stored in the read model, fired as a CDI event in its transaction;
 * {@link ReadModelIndexer} puts it in the in-memory index once that transaction has committed
 * ({@code TransactionPhase.AFTER_SUCCESS}), never before.
 */
public sealed interface ReadModelChange {

    /** A scheme version was stored. */
    record SchemeStored(SchemeData scheme) implements ReadModelChange {
    }

    /** An agency version was stored. */
    record AgencyStored(AgencyData agency) implements ReadModelChange {
    }

    /** An IATI activity version was stored. */
    record ActivityStored(ActivityData activity) implements ReadModelChange {
    }

    /** A twinning arrangement version was stored. */
    record ArrangementStored(ArrangementData arrangement) implements ReadModelChange {
    }
}
