package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.readmodel.ArrangementData;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.CriterionResult;
import org.citycoop.matching.scoring.Fixtures;
import org.citycoop.matching.scoring.NeedsProfile;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.scoring.TrackRecords;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each criterion asked alone, as the criteria's tests ask them: its assessment and, for a soft one, its rating. Every
 * answer also checks that the criterion's fast rating agrees with its explanation (a hard criterion rates 0 exactly
 * when it explains FAILED).
 */
public final class Criteria {

    /** An assessment with its rating in [0, 1]. */
    public record Rating(Assessment assessment, double value) {
    }

    private Criteria() {
    }

    public static Assessment relevance(NeedsProfile profile, SchemeData scheme) {
        return hard(Criterion.RELEVANCE, profile, scheme, List.of(), Fixtures.NOW);
    }

    public static Assessment applicantType(NeedsProfile profile, SchemeData scheme) {
        return hard(Criterion.APPLICANT_TYPE, profile, scheme, List.of(), Fixtures.NOW);
    }

    public static Assessment country(NeedsProfile profile, SchemeData scheme) {
        return hard(Criterion.COUNTRY, profile, scheme, List.of(), Fixtures.NOW);
    }

    public static Assessment status(SchemeData scheme, Instant now) {
        return hard(Criterion.STATUS, Fixtures.surabaya(), scheme, List.of(), now);
    }

    public static Assessment deadline(SchemeData scheme, Instant now) {
        return hard(Criterion.DEADLINE, Fixtures.surabaya(), scheme, List.of(), now);
    }

    public static Assessment partnerCity(NeedsProfile profile, SchemeData scheme, List<ArrangementData> arrangements) {
        return hard(Criterion.PARTNER_CITY, profile, scheme, arrangements, Fixtures.NOW);
    }

    /** The deadline criterion's fast decision for one prepared scheme (which remembers its next yearly deadline). */
    public static boolean deadlineAllows(PreparedScheme scheme, Instant now) {
        return Criterion.DEADLINE.rule().rate(prepared(Fixtures.surabaya(), List.of(), TrackRecords.NONE, now), scheme) == 1;
    }

    public static Rating challenges(NeedsProfile profile, SchemeData scheme) {
        return soft(Criterion.CHALLENGES, profile, scheme, TrackRecords.NONE);
    }

    public static Rating supportTypes(NeedsProfile profile, SchemeData scheme) {
        return soft(Criterion.SUPPORT_TYPES, profile, scheme, TrackRecords.NONE);
    }

    public static Rating budget(NeedsProfile profile, SchemeData scheme) {
        return soft(Criterion.BUDGET, profile, scheme, TrackRecords.NONE);
    }

    public static Rating sectors(NeedsProfile profile, SchemeData scheme) {
        return soft(Criterion.SECTORS, profile, scheme, TrackRecords.NONE);
    }

    public static Rating coFinancing(NeedsProfile profile, SchemeData scheme) {
        return soft(Criterion.CO_FINANCING, profile, scheme, TrackRecords.NONE);
    }

    public static Rating language(NeedsProfile profile, SchemeData scheme) {
        return soft(Criterion.LANGUAGE, profile, scheme, TrackRecords.NONE);
    }

    public static Rating trackRecord(NeedsProfile profile, SchemeData scheme, TrackRecords records) {
        return soft(Criterion.TRACK_RECORD, profile, scheme, records);
    }

    /** A hard criterion's result and words. */
    public static void assertResult(CriterionResult result, String detail, Assessment assessment) {
        assertEquals(detail, assessment.detail());
        assertEquals(result, assessment.result());
        assertTrue(assessment.criterion().isHard());
    }

    /** A soft criterion's result, rating and words. */
    public static void assertRating(CriterionResult result, double value, String detail, Rating rating) {
        assertEquals(detail, rating.assessment().detail());
        assertEquals(result, rating.assessment().result());
        assertEquals(value, rating.value(), 1e-9);
    }

    /** The profile prepared for a match at {@code now}. */
    public static PreparedProfile prepared(NeedsProfile profile, List<ArrangementData> arrangements, TrackRecords records, Instant now) {
        return PreparedProfile.of(profile, arrangements, records, now);
    }

    private static Assessment hard(Criterion criterion, NeedsProfile profile, SchemeData scheme, List<ArrangementData> arrangements,
                                   Instant now) {
        PreparedProfile prepared = prepared(profile, arrangements, TrackRecords.NONE, now);
        PreparedScheme preparedScheme = PreparedScheme.of(scheme);
        Assessment assessment = criterion.rule().assess(prepared, preparedScheme);
        assertEquals(assessment.result() == CriterionResult.FAILED ? 0.0 : 1.0, criterion.rule().rate(prepared, preparedScheme),
                criterion.key() + ": the rating does not agree with the explanation " + assessment);
        assertEquals(criterion, assessment.criterion());
        return assessment;
    }

    private static Rating soft(Criterion criterion, NeedsProfile profile, SchemeData scheme, TrackRecords records) {
        PreparedProfile prepared = prepared(profile, List.of(), records, Fixtures.NOW);
        PreparedScheme preparedScheme = PreparedScheme.of(scheme);
        Assessment assessment = criterion.rule().assess(prepared, preparedScheme);
        assertEquals(criterion, assessment.criterion());
        return new Rating(assessment, criterion.rule().rate(prepared, preparedScheme));
    }
}
