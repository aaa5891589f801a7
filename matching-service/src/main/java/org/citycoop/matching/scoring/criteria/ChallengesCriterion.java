package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.NeedsProfile;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.vocabulary.ChallengeArea;

import java.util.ArrayList;
import java.util.List;

/**
 * Soft, weight 0.35: the sum of 1/priority over the city's challenges the scheme addresses, divided by the sum of
 * 1/priority over all of them (a priority-1 challenge counts five times as much as a priority-5 one).
 */
public final class ChallengesCriterion implements MatchCriterion {

    @Override
    public Criterion criterion() {
        return Criterion.CHALLENGES;
    }

    @Override
    public double weight() {
        return 0.35;
    }

    @Override
    public double rate(PreparedProfile profile, PreparedScheme scheme) {
        double covered = 0;
        double total = 0;
        ChallengeArea[] areas = profile.areas();
        double[] weights = profile.weights();
        for (int i = 0; i < areas.length; i++) {
            total += weights[i];
            if (scheme.addresses(areas[i])) {
                covered += weights[i];
            }
        }
        return covered == total ? 1 : covered / total;
    }

    @Override
    public Assessment assess(PreparedProfile profile, PreparedScheme scheme) {
        double value = rate(profile, scheme);
        List<String> coveredAreas = new ArrayList<>();
        for (NeedsProfile.Challenge challenge : profile.profile().challenges()) {
            if (scheme.addresses(challenge.area())) {
                coveredAreas.add(challenge.area() + " (priority " + challenge.priority() + ")");
            }
        }
        String detail = coveredAreas.isEmpty()
                ? "addresses none of the city's challenges"
                : "addresses " + String.join(", ", coveredAreas) + ": " + Words.percent(value) + " of the weighted priorities";
        return Ratings.rated(Criterion.CHALLENGES, value, detail);
    }
}
