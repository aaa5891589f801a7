package org.citycoop.twinning.suggestion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.twinning.arrangement.Twinning;
import org.citycoop.twinning.arrangement.TwinningService;
import org.citycoop.twinning.vocabulary.TwinningStatus;
import org.citycoop.twinning.city.City;
import org.citycoop.twinning.city.CityDetail;
import org.citycoop.twinning.city.CityRepository;
import org.citycoop.twinning.city.CityService;
import org.citycoop.twinning.city.CityView;
import org.citycoop.twinning.city.Expertise;
import org.citycoop.twinning.vocabulary.ChallengeArea;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds partner cities for a city's challenge: the candidates are the cities that declare an offer in the area
 * and the cities that mentored an ACTIVE or COMPLETED arrangement in it; {@link PartnerScoring} ranks them.
 */
@ApplicationScoped
public class SuggestionService {

    @Inject
    CityRepository cities;

    @Inject
    CityService cityService;

    @Inject
    TwinningService twinnings;


    /**
     * The best-scoring candidates, best first.
     *
     * @throws ProblemException 404 when the city is unknown
     */
    @Transactional
    public List<PartnerSuggestion> suggest(String cityId, ChallengeArea area, int limit) {
        CityDetail requester = cityService.detail(cityId);
        Set<String> neededSectors = requester.needs().stream().filter(n -> n.area() == area)
                .flatMap(n -> n.sectorsOrEmpty().stream()).collect(Collectors.toCollection(TreeSet::new));

        Map<String, Set<String>> offers = offersIn(area);
        List<Twinning> inArea = twinnings.withAnyTheme(EnumSet.of(area));
        Set<String> candidateIds = new LinkedHashSet<>(offers.keySet());
        for (Twinning twinning : inArea) {
            if (twinning.status() == TwinningStatus.ACTIVE || twinning.status() == TwinningStatus.COMPLETED) {
                twinning.cities().stream().filter(c -> c.role() == org.citycoop.twinning.vocabulary.CityRole.MENTOR)
                        .forEach(c -> candidateIds.add(c.cityId()));
            }
        }
        candidateIds.remove(cityId);
        if (candidateIds.isEmpty()) {
            return List.of();
        }
        Map<String, City> places = cities.findByIds(candidateIds);
        // Each candidate's arrangements: those in the area, and those with the requester (existing ties).
        Map<String, Map<java.util.UUID, PartnerScoring.Involvement>> involvements = new HashMap<>();
        List<Twinning> relevant = new ArrayList<>(inArea);
        relevant.addAll(twinnings.ofCity(cityId));
        for (Twinning twinning : relevant) {
            Set<String> ids = twinning.cities().stream().map(Twinning.TwinnedCity::cityId).collect(Collectors.toSet());
            int achieved = (int) twinning.outcomes().stream().filter(o -> o.achieved() != null).count();
            for (Twinning.TwinnedCity city : twinning.cities()) {
                if (candidateIds.contains(city.cityId())) {
                    involvements.computeIfAbsent(city.cityId(), k -> new HashMap<>()).putIfAbsent(twinning.id(),
                            new PartnerScoring.Involvement(twinning.id(), twinning.title(), twinning.status(),
                                    new HashSet<>(twinning.themes()), city.role(), ids, achieved));
                }
            }
        }
        City self = cities.findById(cityId);
        PartnerScoring.Place requesterPlace = place(self);
        return candidateIds.stream()
                .filter(places::containsKey)
                .map(id -> new PartnerScoring.Candidate(place(places.get(id)), offers.get(id),
                        List.copyOf(involvements.getOrDefault(id, Map.of()).values())))
                .map(candidate -> PartnerScoring.score(requesterPlace, area, neededSectors, candidate))
                .sorted(PartnerScoring.RANKING)
                .limit(limit)
                .map(scored -> new PartnerSuggestion(CityView.of(places.get(scored.candidate().place().id())),
                        scored.score(), scored.criteria()))
                .toList();
    }

    /** The cities declaring an offer in {@code area}, with the sectors of that offer. */
    private Map<String, Set<String>> offersIn(ChallengeArea area) {
        List<String> ids = cities.offering(area.name());
        Map<String, Set<String>> offers = new HashMap<>();
        for (String id : ids) {
            cityService.detail(id).offers().stream().filter(o -> o.area() == area).findFirst()
                    .ifPresent(offer -> offers.put(id, new TreeSet<>(offer.sectorsOrEmpty())));
        }
        return offers;
    }

    private static PartnerScoring.Place place(City city) {
        return new PartnerScoring.Place(city.id(), city.name(), city.country(), city.population(), city.latitude(), city.longitude());
    }
}
