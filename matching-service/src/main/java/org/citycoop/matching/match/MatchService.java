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
import org.citycoop.matching.scoring.TrackRecords;
import org.citycoop.matching.scoring.TopN;
import org.citycoop.platform.storage.DatabaseTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the schemes of the read model that match a needs profile, from the in-memory {@link ReadModelIndex} (no
 * SQL): the index gives the candidates (schemes sharing a challenge area, and unless ineligible ones are asked for,
 * not certainly failing a cheap hard criterion), Java scores each one with {@link MatchScorer#eligible} and {@link MatchScorer#weightedScore} (numbers only, from the {@link PreparedScheme} the index
 * holds and the {@link PreparedProfile})
 * and keeps the best {@code limit} by {@link Match#RANKING}; only those are scored with their explanation
 * ({@link MatchScorer#score}, which gives the same numbers).
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
        TrackRecords trackRecords = index.trackRecords().memoized();
        PreparedProfile prepared = PreparedProfile.of(profile);
        TopN<Match> best = new TopN<>(limit, Match.RANKING);
        for (PreparedScheme scheme : index.candidates(profile.challengeAreas(), profile.country(), profile.applicantType(),
                !includeIneligible, now)) {
            boolean eligible = MatchScorer.eligible(prepared, scheme, twinnings, now);
            if (eligible || includeIneligible) {
                best.offer(new Match(scheme.scheme(), null, MatchScorer.weightedScore(prepared, scheme, trackRecords), eligible, List.of()));
            }
        }
        List<RankedMatch> ranked = new ArrayList<>();
        for (Match kept : best.best()) {
            Match match = MatchScorer.score(profile, kept.scheme(), twinnings, trackRecords, now);
            AgencyData agency = index.agency(kept.scheme().agencyId()).orElse(null);
            ranked.add(new RankedMatch(match, agency == null ? null : agency.name(), agency == null ? null : agency.acronym()));
        }
        ranked.sort(Comparator.comparing(RankedMatch::match, Match.RANKING));
        return ranked;
    }

    /** A match with the agency's name and acronym as the read model knows them (null before its event came). */
    public record RankedMatch(Match match, String agencyName, String agencyAcronym) {
    }
}
