package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.vocabulary.ChallengeArea;

import java.util.ArrayList;
import java.util.List;

/**
 * Hard: MET when at least one of the city's challenge areas is among the scheme's; FAILED otherwise. The read-model
 * index files schemes by challenge area ({@link #indexKey()}), so a match reads only those of the asked areas.
 */
public final class RelevanceCriterion implements MatchCriterion {

    private static final IndexKey BY_AREA = new IndexKey() {
        @Override
        public int size() {
            return ChallengeArea.values().length;
        }

        @Override
        public long of(PreparedScheme scheme) {
            return scheme.challengeAreas();
        }

        @Override
        public long of(PreparedProfile profile) {
            return profile.areaBits();
        }
    };

    @Override
    public Criterion criterion() {
        return Criterion.RELEVANCE;
    }

    @Override
    public double weight() {
        return 0;
    }

    @Override
    public IndexKey indexKey() {
        return BY_AREA;
    }

    @Override
    public double rate(PreparedProfile profile, PreparedScheme scheme) {
        return scheme.addressesAny(profile.areaBits()) ? 1 : 0;
    }

    @Override
    public Assessment assess(PreparedProfile profile, PreparedScheme scheme) {
        if (rate(profile, scheme) == 0) {
            return Assessment.failed(Criterion.RELEVANCE, "addresses none of the city's challenges (it addresses "
                    + Words.join(scheme.scheme().challengeAreas()) + ")");
        }
        List<ChallengeArea> covered = new ArrayList<>();
        for (ChallengeArea area : profile.areas()) {
            if (scheme.addresses(area)) {
                covered.add(area);
            }
        }
        return Assessment.met(Criterion.RELEVANCE, "addresses " + Words.join(covered));
    }
}
