package org.citycoop.matching.match;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.matching.readmodel.ArrangementData;
import org.citycoop.matching.readmodel.ArrangementStore;
import org.citycoop.matching.readmodel.SchemeStore;
import org.citycoop.matching.scoring.Match;
import org.citycoop.matching.scoring.MatchScorer;
import org.citycoop.matching.scoring.NeedsProfile;
import org.citycoop.matching.scoring.TopN;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the schemes of the read model that match a needs profile: SQL pre-filters the candidates, Java scores
 * each one and keeps the best {@code limit} by {@link Match#RANKING}.
 */
@ApplicationScoped
public class MatchService {

    @Inject
    SchemeStore schemes;

    @Inject
    ArrangementStore arrangements;

    /**
     * @param includeIneligible also rank schemes that address one of the challenges but fail another hard
     *     criterion (after the eligible ones)
     * @param limit at most this many matches, 1 to 100
     */
    @Transactional
    public List<RankedMatch> match(NeedsProfile profile, boolean includeIneligible, int limit) {
        Instant now = Instant.now();
        List<ArrangementData> twinnings = profile.cityId() == null ? List.of() : arrangements.involving(profile.cityId());
        TopN<RankedMatch> best = new TopN<>(limit, Comparator.comparing(RankedMatch::match, Match.RANKING));
        try (Stream<SchemeStore.Candidate> candidates = schemes.candidates(profile.challengeAreas(), profile.country(),
                profile.applicantType(), !includeIneligible, now)) {
            candidates.forEach(candidate -> {
                Match match = MatchScorer.score(profile, candidate.scheme(), twinnings, now);
                if (match.eligible() || includeIneligible) {
                    best.offer(new RankedMatch(match, candidate.agencyName(), candidate.agencyAcronym()));
                }
            });
        }
        return best.best();
    }

    /** A match with the agency's name and acronym as the read model knows them (null before its event came). */
    public record RankedMatch(Match match, String agencyName, String agencyAcronym) {
    }
}
