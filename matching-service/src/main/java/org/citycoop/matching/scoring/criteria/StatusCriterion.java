package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.readmodel.SchemeData.ApplicationWindow;
import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.WindowKind;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Hard, from the scheme's status at the time of the match ({@link #effectiveStatus}): OPEN is MET; FORECASTED is
 * PARTLY_MET (not open yet); CLOSED and WITHDRAWN are FAILED, with the reason; an unknown status is PARTLY_MET.
 * {@link #rate} decides the same from the prepared scheme's numbers: withdrawn, superseded or closed as published
 * fails at any time, a {@code FIXED} window after its deadline.
 */
public final class StatusCriterion implements MatchCriterion {

    @Override
    public Criterion criterion() {
        return Criterion.STATUS;
    }

    @Override
    public double weight() {
        return 0;
    }

    @Override
    public double rate(PreparedProfile profile, PreparedScheme scheme) {
        return scheme.statusFailsAlways() || scheme.afterClosing(profile.now()) ? 0 : 1;
    }

    @Override
    public Assessment assess(PreparedProfile profile, PreparedScheme scheme) {
        return assess(scheme.scheme(), profile.now());
    }

    /** The status criterion of {@code scheme} at {@code now}, as {@link #assess(PreparedProfile, PreparedScheme)} gives it. */
    public static Assessment assess(SchemeData scheme, Instant now) {
        SchemeStatus status = effectiveStatus(scheme, now);
        if (status == null) {
            return Assessment.partlyMet(Criterion.STATUS, "status not known");
        }
        ApplicationWindow window = scheme.window();
        return switch (status) {
            case OPEN -> Assessment.met(Criterion.STATUS, "open");
            case FORECASTED -> Assessment.partlyMet(Criterion.STATUS, window != null && window.opens() != null
                    ? "forecasted: opens " + Words.format(window.kind() == WindowKind.ANNUAL && window.deadline() != null
                            ? nextAnnualOpening(window, now) : window.opens())
                    : "forecasted: not open yet");
            case WITHDRAWN -> Assessment.failed(Criterion.STATUS, "withdrawn by the agency");
            case CLOSED -> Assessment.failed(Criterion.STATUS, scheme.supersededBy() != null
                    ? "closed: no longer offered (" + scheme.supersededBy() + ")"
                    : window != null && window.kind() == WindowKind.FIXED
                    ? "closed: the deadline " + Words.format(window.deadline()) + " has passed"
                    : "closed, as the catalogue published it");
        };
    }

    /**
     * The scheme's status at {@code now}, derived as the catalogue derives it (its status is never stored, so
     * the one in an event is only right when published): {@code WITHDRAWN} when withdrawn; {@code CLOSED} when
     * another scheme supersedes it; no window or {@code ROLLING}: {@code OPEN}; {@code FIXED}: {@code FORECASTED}
     * before {@code opens}, {@code OPEN} until the deadline (inclusive), {@code CLOSED} after it; {@code ANNUAL}:
     * {@code OPEN} inside an occurrence of the window (the given one or the same dates in a later year),
     * {@code FORECASTED} otherwise. When the window's kind or dates are unknown, the status as published (null
     * when unknown too).
     */
    public static SchemeStatus effectiveStatus(SchemeData scheme, Instant now) {
        if (scheme.status() == SchemeStatus.WITHDRAWN) {
            return SchemeStatus.WITHDRAWN;
        }
        if (scheme.supersededBy() != null) {
            return SchemeStatus.CLOSED;
        }
        ApplicationWindow window = scheme.window();
        if (window == null) {
            return SchemeStatus.OPEN;
        }
        if (window.kind() == WindowKind.ROLLING) {
            return SchemeStatus.OPEN;
        }
        if (window.kind() == WindowKind.FIXED) {
            if (window.opens() != null && now.isBefore(window.opens().toInstant())) {
                return SchemeStatus.FORECASTED;
            }
            return window.deadline() != null && now.isAfter(window.deadline().toInstant()) ? SchemeStatus.CLOSED : SchemeStatus.OPEN;
        }
        if (window.kind() == WindowKind.ANNUAL && window.opens() != null && window.deadline() != null) {
            return now.isBefore(nextAnnualOpening(window, now).toInstant()) ? SchemeStatus.FORECASTED : SchemeStatus.OPEN;
        }
        return scheme.status();
    }

    /** When the yearly window whose deadline comes next (at or after {@code now}) opens. */
    private static OffsetDateTime nextAnnualOpening(ApplicationWindow window, Instant now) {
        OffsetDateTime deadline = PreparedScheme.nextOccurrence(window.deadline(), now);
        return window.opens().plusYears(deadline.getYear() - window.deadline().getYear());
    }
}
