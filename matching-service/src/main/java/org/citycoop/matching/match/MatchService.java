package org.citycoop.matching.match;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.citycoop.matching.readmodel.AgencyData;
import org.citycoop.matching.readmodel.ArrangementData;
import org.citycoop.matching.readmodel.ReadModelIndex;
import org.citycoop.matching.scoring.Match;
import org.citycoop.matching.scoring.MatchScorer;
import org.citycoop.matching.scoring.NeedsProfile;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.scoring.TopN;
import org.citycoop.platform.storage.DatabaseTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the schemes of the read model that match a needs profile, from the in-memory {@link ReadModelIndex} (no
 * SQL): the index gives the candidates (schemes filed under the profile's keys of the hard criteria that have one,
 * and unless ineligible ones are asked for, only those no hard criterion fails), each is scored by the criteria's
 * ratings alone ({@link MatchScorer#weightedScore}, from the {@link PreparedScheme} the index holds and the
 * {@link PreparedProfile}), and the best {@code limit} by {@link Match#RANKING} are kept; only those are explained
 * ({@link MatchScorer#explain}, which gives the same score).
 */
@ApplicationScoped
public class MatchService {

    @Inject
    DatabaseTime time;

    @Inject
    ReadModelIndex index;

    /**
     * @param includeIneligible also rank schemes that address one of the challenges but fail another hard
     *     criterion (after the eligible ones)
     * @param limit at most this many matches, 1 to 100
     */
    public List<RankedMatch> match(NeedsProfile profile, boolean includeIneligible, int limit) {
        Instant now = time.now();
        List<ArrangementData> twinnings = profile.cityId() == null ? List.of() : index.arrangementsOf(profile.cityId());
        PreparedProfile prepared = PreparedProfile.of(profile, twinnings, index.trackRecords(), now);
        TopN<Candidate> best = new TopN<>(limit, Candidate.RANKING);
        index.forEachCandidate(prepared, !includeIneligible, scheme -> {
            boolean eligible = !includeIneligible || MatchScorer.eligible(prepared, scheme);
            double score = MatchScorer.weightedScore(prepared, scheme);
            Candidate worst = best.worstKept();
            if (worst == null || Match.compare(eligible, score, scheme.scheme(), worst.eligible(), worst.score(), worst.scheme().scheme()) < 0) {
                best.offer(new Candidate(scheme, eligible, score));
            }
        });
        List<RankedMatch> ranked = new ArrayList<>();
        for (Candidate kept : best.best()) {
            Match match = MatchScorer.explain(prepared, kept.scheme());
            AgencyData agency = index.agency(kept.scheme().scheme().agencyId()).orElse(null);
            ranked.add(new RankedMatch(match, agency == null ? null : agency.name(), agency == null ? null : agency.acronym()));
        }
        ranked.sort(Comparator.comparing(RankedMatch::match, Match.RANKING));
        return ranked;
    }

    /** A scheme being ranked: its eligibility and score, before its explanation is made. */
    private record Candidate(PreparedScheme scheme, boolean eligible, double score) {

        static final Comparator<Candidate> RANKING = (a, b) -> Match.compare(a.eligible, a.score, a.scheme.scheme(),
                b.eligible, b.score, b.scheme.scheme());
    }

    /** A match with the agency's name and acronym as the read model knows them (null before its event came). */
    public record RankedMatch(Match match, String agencyName, String agencyAcronym) {
    }
}
