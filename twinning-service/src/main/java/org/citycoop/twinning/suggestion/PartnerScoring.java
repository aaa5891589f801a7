package org.citycoop.twinning.suggestion;

import org.citycoop.twinning.vocabulary.CityRole;
import org.citycoop.twinning.vocabulary.TwinningStatus;
import org.citycoop.twinning.city.Geo;
import org.citycoop.twinning.vocabulary.ChallengeArea;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Scores a candidate partner for a city that needs help with one challenge area. Six criteria
 * ({@link Criterion}), each MET (full weight), PARTLY_MET (half) or FAILED (nothing):
 * <ul>
 *   <li>EXPERTISE: MET when the candidate declares an offer in the area whose sectors meet the needed ones
 *       (or either side names no sector); PARTLY_MET when its offer names other sectors only, or when it
 *       declares nothing but mentored an active or completed arrangement in the area; FAILED otherwise.</li>
 *   <li>TRACK_RECORD: over the candidate's ACTIVE and COMPLETED arrangements in the area: MET when one it
 *       mentored has an achieved outcome; PARTLY_MET when there are some, but none mentored with an achieved
 *       outcome; FAILED when there are none.</li>
 *   <li>EXISTING_TIES: MET when an arrangement (not TERMINATED) already ties the two cities; FAILED otherwise.</li>
 *   <li>DISTANCE: MET up to {@value #NEAR_KM} km, PARTLY_MET up to {@value #FAR_KM} km, FAILED beyond.</li>
 *   <li>LANGUAGE: MET when the two countries share a language ({@link CountryLanguages}), FAILED otherwise.</li>
 *   <li>SIZE: smaller population over larger; MET from 0.5, PARTLY_MET from 0.2, FAILED below.</li>
 * </ul>
 * The score is the sum of the points, in [0, 1], rounded to 3 decimals.
 */
public final class PartnerScoring {

    static final int NEAR_KM = 1500;
    static final int FAR_KM = 4000;

    private PartnerScoring() {
    }

    /**
     * A city as the scoring sees it.
     *
     * @param id registry id
     * @param name name
     * @param country ISO 3166-1 alpha-2
     * @param population inhabitants
     * @param latitude WGS 84
     * @param longitude WGS 84
     */
    public record Place(String id, String name, String country, long population, double latitude, double longitude) {
    }

    /**
     * An arrangement a candidate takes part in.
     *
     * @param id arrangement id
     * @param title title
     * @param status lifecycle status
     * @param themes its challenge areas
     * @param role the candidate's role in it
     * @param cityIds every city of the arrangement
     * @param achievedOutcomes how many of its outcome indicators have an achieved value
     */
    public record Involvement(UUID id, String title, TwinningStatus status, Set<ChallengeArea> themes, CityRole role,
                              Set<String> cityIds, int achievedOutcomes) {
    }

    /**
     * A candidate partner.
     *
     * @param place the city
     * @param offeredSectors the sectors of its declared offer in the area; null when it declares no offer there
     * @param involvements its arrangements (any theme; the scoring picks)
     */
    public record Candidate(Place place, Set<String> offeredSectors, List<Involvement> involvements) {
    }

    /**
     * A scored candidate.
     *
     * @param candidate the candidate
     * @param score sum of the points, in [0, 1]
     * @param criteria one result per criterion, in the order of {@link Criterion}
     */
    public record Scored(Candidate candidate, double score, List<CriterionResult> criteria) {
    }

    /** Orders scored candidates: score descending, then population descending, then id. */
    public static final Comparator<Scored> RANKING = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparing(s -> -s.candidate().place().population())
            .thenComparing(s -> s.candidate().place().id());

    /**
     * Scores one candidate.
     *
     * @param requester the city that needs help
     * @param area the challenge area
     * @param neededSectors the sectors the requester needs within the area (empty when it named none)
     * @param candidate the candidate
     */
    public static Scored score(Place requester, ChallengeArea area, Set<String> neededSectors, Candidate candidate) {
        List<Involvement> inArea = candidate.involvements().stream()
                .filter(i -> i.themes().contains(area))
                .filter(i -> i.status() == TwinningStatus.ACTIVE || i.status() == TwinningStatus.COMPLETED)
                .toList();
        List<CriterionResult> criteria = new ArrayList<>();
        criteria.add(expertise(area, neededSectors, candidate.offeredSectors(), inArea));
        criteria.add(trackRecord(area, inArea));
        criteria.add(ties(requester, candidate));
        criteria.add(distance(requester, candidate.place()));
        criteria.add(language(requester, candidate.place()));
        criteria.add(size(requester, candidate.place()));
        double score = Math.round(criteria.stream().mapToDouble(CriterionResult::points).sum() * 1000) / 1000.0;
        return new Scored(candidate, score, criteria);
    }

    static CriterionResult expertise(ChallengeArea area, Set<String> needed, Set<String> offered, List<Involvement> inArea) {
        if (offered == null) {
            boolean mentored = inArea.stream().anyMatch(i -> i.role() == CityRole.MENTOR);
            return CriterionResult.of(Criterion.EXPERTISE, mentored ? CriterionResult.Result.PARTLY_MET : CriterionResult.Result.FAILED,
                    mentored ? "declares no offer in " + area + ", but mentored an active or completed arrangement in it"
                            : "declares no offer in " + area);
        }
        Set<String> shared = new TreeSet<>(needed);
        shared.retainAll(offered);
        if (needed.isEmpty() || offered.isEmpty() || !shared.isEmpty()) {
            return CriterionResult.of(Criterion.EXPERTISE, CriterionResult.Result.MET, "offers " + area
                    + (offered.isEmpty() ? "" : " (sectors " + new TreeSet<>(offered) + ")")
                    + (needed.isEmpty() ? "" : "; needed sectors " + new TreeSet<>(needed)
                    + (shared.isEmpty() ? "" : ", shared " + shared)));
        }
        return CriterionResult.of(Criterion.EXPERTISE, CriterionResult.Result.PARTLY_MET, "offers " + area + " in sectors "
                + new TreeSet<>(offered) + ", none of the needed " + new TreeSet<>(needed));
    }

    static CriterionResult trackRecord(ChallengeArea area, List<Involvement> inArea) {
        List<Involvement> proven = inArea.stream().filter(i -> i.role() == CityRole.MENTOR && i.achievedOutcomes() > 0).toList();
        String counts = inArea.size() + " active or completed arrangement(s) in " + area + ", " + proven.size()
                + " mentored with achieved outcomes";
        if (!proven.isEmpty()) {
            return CriterionResult.of(Criterion.TRACK_RECORD, CriterionResult.Result.MET, counts + ": "
                    + proven.stream().map(i -> i.title() + " (" + i.status() + ", " + i.achievedOutcomes() + " achieved)")
                    .reduce((a, b) -> a + "; " + b).orElse(""));
        }
        return CriterionResult.of(Criterion.TRACK_RECORD, inArea.isEmpty() ? CriterionResult.Result.FAILED
                : CriterionResult.Result.PARTLY_MET, counts);
    }

    static CriterionResult ties(Place requester, Candidate candidate) {
        List<Involvement> shared = candidate.involvements().stream()
                .filter(i -> i.cityIds().contains(requester.id()) && i.status() != TwinningStatus.TERMINATED).toList();
        return CriterionResult.of(Criterion.EXISTING_TIES, shared.isEmpty() ? CriterionResult.Result.FAILED : CriterionResult.Result.MET,
                shared.isEmpty() ? "no arrangement ties the two cities"
                        : shared.size() + " arrangement(s) tie the two cities: " + shared.stream().map(Involvement::title)
                        .reduce((a, b) -> a + "; " + b).orElse(""));
    }

    static CriterionResult distance(Place a, Place b) {
        long km = Math.round(Geo.distanceKm(a.latitude(), a.longitude(), b.latitude(), b.longitude()));
        CriterionResult.Result result = km <= NEAR_KM ? CriterionResult.Result.MET
                : km <= FAR_KM ? CriterionResult.Result.PARTLY_MET : CriterionResult.Result.FAILED;
        return CriterionResult.of(Criterion.DISTANCE, result, km + " km apart (MET up to " + NEAR_KM + ", PARTLY_MET up to " + FAR_KM + ")");
    }

    static CriterionResult language(Place a, Place b) {
        Set<String> first = CountryLanguages.of(a.country());
        Set<String> second = CountryLanguages.of(b.country());
        Set<String> shared = new TreeSet<>(first);
        shared.retainAll(second);
        return CriterionResult.of(Criterion.LANGUAGE, shared.isEmpty() ? CriterionResult.Result.FAILED : CriterionResult.Result.MET,
                a.country() + " " + first + ", " + b.country() + " " + second + (shared.isEmpty() ? ": none shared" : ": shared " + shared));
    }

    static CriterionResult size(Place a, Place b) {
        long small = Math.min(a.population(), b.population());
        long large = Math.max(a.population(), b.population());
        double ratio = large == 0 ? 1 : (double) small / large;
        CriterionResult.Result result = ratio >= 0.5 ? CriterionResult.Result.MET
                : ratio >= 0.2 ? CriterionResult.Result.PARTLY_MET : CriterionResult.Result.FAILED;
        return CriterionResult.of(Criterion.SIZE, result, "populations " + a.population() + " and " + b.population()
                + ", ratio " + Math.round(ratio * 100) / 100.0 + " (MET from 0.5, PARTLY_MET from 0.2)");
    }
}
