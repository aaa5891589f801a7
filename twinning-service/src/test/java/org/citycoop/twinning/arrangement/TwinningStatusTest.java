package org.citycoop.twinning.arrangement;

import org.citycoop.twinning.vocabulary.TwinningStatus;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.citycoop.twinning.vocabulary.TwinningStatus.ACTIVE;
import static org.citycoop.twinning.vocabulary.TwinningStatus.AGREED;
import static org.citycoop.twinning.vocabulary.TwinningStatus.COMPLETED;
import static org.citycoop.twinning.vocabulary.TwinningStatus.PROPOSED;
import static org.citycoop.twinning.vocabulary.TwinningStatus.SUSPENDED;
import static org.citycoop.twinning.vocabulary.TwinningStatus.TERMINATED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TwinningStatusTest {

    /** The lifecycle as the design states it, written out pair by pair. */
    private static final Map<TwinningStatus, Set<TwinningStatus>> ALLOWED = Map.of(
            PROPOSED, EnumSet.of(AGREED, TERMINATED),
            AGREED, EnumSet.of(ACTIVE, TERMINATED),
            ACTIVE, EnumSet.of(COMPLETED, SUSPENDED, TERMINATED),
            SUSPENDED, EnumSet.of(ACTIVE, TERMINATED),
            COMPLETED, EnumSet.noneOf(TwinningStatus.class),
            TERMINATED, EnumSet.noneOf(TwinningStatus.class));

    @Test
    void everyPairOfStatusesIsAllowedExactlyWhenTheLifecycleSaysSo() {
        int checked = 0;
        for (TwinningStatus from : TwinningStatus.values()) {
            for (TwinningStatus to : TwinningStatus.values()) {
                assertEquals(ALLOWED.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
                checked++;
            }
        }
        assertEquals(36, checked);
    }

    @Test
    void onlyCompletedAndTerminatedAreFinal() {
        for (TwinningStatus status : TwinningStatus.values()) {
            assertEquals(status == COMPLETED || status == TERMINATED, status.isFinal(), status.name());
        }
    }

    @Test
    void noStatusMovesToItself() {
        for (TwinningStatus status : TwinningStatus.values()) {
            assertEquals(false, status.canMoveTo(status), status.name());
        }
    }
}
