package org.citycoop.matching.alerts;

import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.scoring.Match;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SchemeStatus;

import java.time.format.DateTimeFormatter;

/**
 * What a saved need last saw of a scheme that matched it (table {@code need_match}): the fields whose change
 * raises an alert.
 *
 * @param schemeId the scheme
 * @param schemeVersion the catalogue's version of the scheme when evaluated
 * @param status the scheme's status at evaluation
 * @param deadline the published deadline (RFC 3339), null when none
 * @param fundingMin smallest award, null when unknown
 * @param fundingMax largest award, null when unknown
 * @param score the match's score at evaluation
 */
public record MatchState(String schemeId, Long schemeVersion, SchemeStatus status, String deadline, Money fundingMin,
                         Money fundingMax, double score) {

    /** As the API writes times: always with seconds ({@code OffsetDateTime.toString} drops them when zero). */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** The state of an eligible match. */
    public static MatchState of(Match match) {
        SchemeData scheme = match.scheme();
        return new MatchState(scheme.id(), scheme.version(), match.status(),
                scheme.window() == null || scheme.window().deadline() == null ? null : RFC_3339.format(scheme.window().deadline()),
                scheme.fundingRange() == null ? null : scheme.fundingRange().min(),
                scheme.fundingRange() == null ? null : scheme.fundingRange().max(),
                match.score());
    }
}
