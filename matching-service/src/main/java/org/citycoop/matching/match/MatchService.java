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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the schemes of the read model that match a needs profile: SQL pre-filters the candidates, Java scores
 * each one with {@link MatchScorer#rank} (numbers only) and keeps the best {@code limit} by {@link Match#RANKING};
 * only those are scored with their explanation ({@link MatchScorer#score}, which gives the same numbers).
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
        TopN<Ranked> best = new TopN<>(limit, Comparator.comparing(Ranked::unexplained, Match.RANKING));
        try (Stream<SchemeStore.Candidate> candidates = schemes.candidates(profile.challengeAreas(), profile.country(),
                profile.applicantType(), !includeIneligible, now)) {
            candidates.forEach(candidate -> {
                MatchScorer.Ranking ranking = MatchScorer.rank(profile, candidate.scheme(), twinnings, now);
                if (ranking.eligible() || includeIneligible) {
                    best.offer(new Ranked(candidate, new Match(candidate.scheme(), null, ranking.score(), ranking.eligible(), List.of())));
                }
            });
        }
        List<RankedMatch> ranked = new ArrayList<>();
        for (Ranked kept : best.best()) {
            Match match = MatchScorer.score(profile, kept.candidate().scheme(), twinnings, now);
            ranked.add(new RankedMatch(match, kept.candidate().agencyName(), kept.candidate().agencyAcronym()));
        }
        ranked.sort(Comparator.comparing(RankedMatch::match, Match.RANKING));
        return ranked;
    }

    /** A candidate with its score and eligibility, before its explanation is built. */
    private record Ranked(SchemeStore.Candidate candidate, Match unexplained) {
    }

    /** A match with the agency's name and acronym as the read model knows them (null before its event came). */
    public record RankedMatch(Match match, String agencyName, String agencyAcronym) {
    }
}
