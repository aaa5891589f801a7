package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.SchemeStatus;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Derives a scheme's status from its window at a given time. The status is never stored, so it is never
 * stale; the database's {@code scheme_status} function (migration V2) is the same rule for the
 * {@code status} filter.
 *
 * <ul>
 *   <li>WITHDRAWN when the agency withdrew the scheme;</li>
 *   <li>CLOSED when it is superseded;</li>
 *   <li>no published window, or ROLLING: OPEN;</li>
 *   <li>FIXED: FORECASTED before {@code opens}, OPEN until the deadline (inclusive), CLOSED after;</li>
 *   <li>ANNUAL: OPEN inside an occurrence of the window (the given one, or the same local dates and offset
 *       in a later year), FORECASTED otherwise.</li>
 * </ul>
 * Times are compared as instants: a deadline of {@code 23:59+09:00} (Tokyo) has passed at 15:00 UTC that
 * day, and has not at 14:58 UTC.
 */
public final class SchemeStatusRule {

    private SchemeStatusRule() {
    }

    public static SchemeStatus statusAt(Instant now, boolean withdrawn, String supersededBy, ApplicationWindow window) {
        if (withdrawn) {
            return SchemeStatus.WITHDRAWN;
        }
        if (supersededBy != null) {
            return SchemeStatus.CLOSED;
        }
        if (window == null) {
            return SchemeStatus.OPEN;
        }
        return switch (window.kind()) {
            case ROLLING -> SchemeStatus.OPEN;
            case FIXED -> {
                if (window.opens() != null && now.isBefore(window.opens().toInstant())) {
                    yield SchemeStatus.FORECASTED;
                }
                yield now.isAfter(window.deadline().toInstant()) ? SchemeStatus.CLOSED : SchemeStatus.OPEN;
            }
            case ANNUAL -> inAnnualOccurrence(now, window.opens(), window.deadline()) ? SchemeStatus.OPEN : SchemeStatus.FORECASTED;
        };
    }

    /**
     * Whether {@code now} lies in the occurrence {@code k} years after the given one, for some {@code k >= 0}.
     * A window lasts less than a year, so only the occurrences opening in the current local year or the
     * year before can contain {@code now}.
     */
    private static boolean inAnnualOccurrence(Instant now, OffsetDateTime opens, OffsetDateTime deadline) {
        int yearsSinceGiven = now.atOffset(opens.getOffset()).getYear() - opens.getYear();
        for (int k = Math.max(0, yearsSinceGiven - 1); k <= yearsSinceGiven; k++) {
            Instant occurrenceOpens = opens.plusYears(k).toInstant();
            Instant occurrenceDeadline = deadline.plusYears(k).toInstant();
            if (!now.isBefore(occurrenceOpens) && !now.isAfter(occurrenceDeadline)) {
                return true;
            }
        }
        return false;
    }
}
