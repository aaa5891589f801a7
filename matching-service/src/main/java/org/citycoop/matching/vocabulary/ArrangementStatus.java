package org.citycoop.matching.vocabulary;

/** The lifecycle of a twinning arrangement in the twinning service. */
public enum ArrangementStatus {
    PROPOSED, AGREED, ACTIVE, COMPLETED, SUSPENDED, TERMINATED;

    /** True while the cities work together (agreed or active): what a scheme needing a partner city asks for. */
    public boolean isInForce() {
        return this == AGREED || this == ACTIVE;
    }
}
