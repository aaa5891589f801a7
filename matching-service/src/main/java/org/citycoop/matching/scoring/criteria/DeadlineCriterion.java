package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.scoring.PreparedScheme.AnnualDeadline;
import org.citycoop.matching.scoring.PreparedScheme.LeadTime;
import org.citycoop.matching.vocabulary.WindowKind;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Hard: whether the city can still apply in time. The applicant's lead time ({@link PreparedScheme#leadTime()}) is the
 * sum of {@code typicalDays} of the process steps up to and including the last step whose actor is {@code CITY},
 * {@code NATIONAL_GOVERNMENT} or {@code PARTNER_CITY} (0 when there is none); the deadline is reachable when the whole
 * days left until it are at least that. {@code ROLLING} is MET. {@code FIXED}: FAILED when the deadline has passed or
 * is not reachable. {@code ANNUAL}: the next occurrence of the deadline (the given one or the same date and time in a
 * later year, not before now) is used; when it is not reachable but the one a year later is, PARTLY_MET naming both.
 * No published window, kind or deadline: PARTLY_MET.
 */
public final class DeadlineCriterion implements MatchCriterion {

    @Override
    public Criterion criterion() {
        return Criterion.DEADLINE;
    }

    @Override
    public double weight() {
        return 0;
    }

    @Override
    public double rate(PreparedProfile profile, PreparedScheme scheme) {
        WindowKind kind = scheme.windowKind();
        if (scheme.deadline() == null || kind == WindowKind.ROLLING) {
            return 1;
        }
        Instant now = profile.now();
        long lead = scheme.leadDays();
        if (kind == WindowKind.FIXED) {
            return !scheme.afterClosing(now) && scheme.daysUntilClosing(now) >= lead ? 1 : 0;
        }
        AnnualDeadline next = scheme.nextAnnual(now);
        return next.daysToNext(now) >= lead || next.daysToFollowing(now) >= lead ? 1 : 0;
    }

    @Override
    public Assessment assess(PreparedProfile profile, PreparedScheme scheme) {
        WindowKind kind = scheme.windowKind();
        if (kind == null) {
            return Assessment.partlyMet(Criterion.DEADLINE, "application window not published");
        }
        if (kind == WindowKind.ROLLING) {
            return Assessment.met(Criterion.DEADLINE, "rolling: applications are taken at any time");
        }
        OffsetDateTime deadline = scheme.deadline();
        if (deadline == null) {
            return Assessment.partlyMet(Criterion.DEADLINE, "no deadline given");
        }
        Instant now = profile.now();
        LeadTime lead = scheme.leadTime();
        if (kind == WindowKind.FIXED) {
            if (scheme.afterClosing(now)) {
                return Assessment.failed(Criterion.DEADLINE, "the deadline " + Words.format(deadline) + " has passed");
            }
            String detail = describe("the deadline", deadline, scheme.daysUntilClosing(now), lead);
            return scheme.daysUntilClosing(now) >= lead.days()
                    ? Assessment.met(Criterion.DEADLINE, detail) : Assessment.failed(Criterion.DEADLINE, detail);
        }
        AnnualDeadline next = scheme.nextAnnual(now);
        String detail = describe("the next yearly deadline", next.next(), next.daysToNext(now), lead);
        if (next.daysToNext(now) >= lead.days()) {
            return Assessment.met(Criterion.DEADLINE, detail);
        }
        return next.daysToFollowing(now) >= lead.days()
                ? Assessment.partlyMet(Criterion.DEADLINE, detail + "; the one after, " + Words.format(next.following()) + ", is reachable")
                : Assessment.failed(Criterion.DEADLINE, detail);
    }

    private static String describe(String which, OffsetDateTime deadline, long daysLeft, LeadTime lead) {
        String left = which + " " + Words.format(deadline) + " is " + daysLeft + " days away";
        if (lead.lastStep() == null) {
            return left + "; the process lists no steps for the applicant";
        }
        return left + (daysLeft >= lead.days() ? " and " : " but ") + "the applicant's steps up to '"
                + lead.lastStep().title() + "' typically take " + lead.days() + " days";
    }
}
