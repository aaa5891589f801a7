package org.citycoop.twinning.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a twinning arrangement:
 * <pre>
 * PROPOSED -> AGREED -> ACTIVE -> COMPLETED
 *                       ACTIVE <-> SUSPENDED
 * PROPOSED, AGREED, ACTIVE, SUSPENDED -> TERMINATED
 * </pre>
 * COMPLETED and TERMINATED are final. A status never "moves" to itself.
 */
@Schema(description = "Lifecycle status: PROPOSED -> AGREED -> ACTIVE -> COMPLETED; ACTIVE <-> SUSPENDED; "
        + "PROPOSED, AGREED, ACTIVE, SUSPENDED -> TERMINATED; COMPLETED and TERMINATED are final")
public enum TwinningStatus {
    /** Put forward by one side; the cities have not agreed yet. A new arrangement starts here. */
    PROPOSED,
    /** The cities agreed (a memorandum or letter of intent is signed); activities have not started. */
    AGREED,
    /** Activities are under way. */
    ACTIVE,
    /** Ended as planned (final). */
    COMPLETED,
    /** Activities are paused; the arrangement may become active again. */
    SUSPENDED,
    /** Ended early or abandoned (final). */
    TERMINATED;

    /** The statuses this one may move to; empty for a final status. */
    public Set<TwinningStatus> allowedTargets() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(AGREED, TERMINATED);
            case AGREED -> EnumSet.of(ACTIVE, TERMINATED);
            case ACTIVE -> EnumSet.of(COMPLETED, SUSPENDED, TERMINATED);
            case SUSPENDED -> EnumSet.of(ACTIVE, TERMINATED);
            case COMPLETED, TERMINATED -> EnumSet.noneOf(TwinningStatus.class);
        };
    }

    public boolean canMoveTo(TwinningStatus target) {
        return allowedTargets().contains(target);
    }

    /** True for COMPLETED and TERMINATED: no transition leaves them. */
    public boolean isFinal() {
        return allowedTargets().isEmpty();
    }
}
