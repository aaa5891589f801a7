package org.citycoop.twinning.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.twinning.arrangement.TwinningRepository;
import org.citycoop.platform.problem.Problem.FieldError;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.storage.DatabaseTime;
import org.citycoop.platform.web.EntityTags;
import org.citycoop.platform.vocabulary.CountryCodes;
import org.citycoop.platform.vocabulary.SectorCodelist;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Changes the city registry beyond the GeoNames import: municipalities the secretariat adds, names in other
 * scripts, expertise offered and needs. Each change grows the city's version and publishes its new state on
 * {@code twinning.cities} through the outbox, in the same transaction ({@link CityEvents}).
 */
@ApplicationScoped
public class CityService {

    /** Source label of municipalities the secretariat adds. */
    public static final String SECRETARIAT = "secretariat";
    /** A new municipality closer than this to a registry city of the same name and country is a duplicate. */
    static final double DUPLICATE_KM = 5;

    @Inject
    DatabaseTime time;

    @Inject
    CityRepository cities;

    @Inject
    TwinningRepository arrangements;

    @Inject
    SectorCodelist sectors;

    @Inject
    CityEvents events;

    /** The city with its names, expertise and needs. */
    @Transactional
    public CityDetail detail(String id) {
        City city = cities.findByIdOptional(id).orElseThrow(() -> notFound(id));
        return detail(city, profile(id));
    }

    /**
     * Adds a municipality (id {@code CC<n>}, source {@value #SECRETARIAT}) and publishes {@code city.created.v1}.
     *
     * @throws ProblemException 422 naming {@code country} when it is not an ISO 3166-1 code ({@link CountryCodes});
     *     409 naming the existing city when one of the same name and country lies within {@value #DUPLICATE_KM} km
     */
    @Transactional
    public CityDetail create(NewCity request) {
        if (!CountryCodes.isKnown(request.country())) {
            throw ProblemException.invalid("country", CountryCodes.problemWith(request.country()));
        }
        String name = request.name().strip();
        for (City near : cities.search(name, request.country(), null, 50)) {
            if (fold(near.name()).equals(fold(name)) || fold(near.asciiName()).equals(fold(name))) {
                double km = Geo.distanceKm(near.latitude(), near.longitude(), request.latitude(), request.longitude());
                if (km <= DUPLICATE_KM) {
                    throw new ProblemException(409, org.citycoop.platform.problem.ProblemTypes.CONFLICT, "Conflict",
                            "The registry holds " + near.name() + " (" + near.id() + ") " + Math.round(km * 10) / 10.0
                                    + " km away in the same country; add names or expertise to it instead.",
                            List.of(new FieldError("name", "same as city " + near.id())));
                }
            }
        }
        checkNames(request.alternateNamesOrEmpty(), "alternateNames");
        String id = cities.nextSecretariatId();
        cities.insert(id, request, name, ascii(name), SECRETARIAT);
        cities.replaceAlternateNames(id, request.alternateNamesOrEmpty());
        CityProfile profile = CityProfile.empty(id, time.now());
        profile.touch(time.now());
        cities.persist(profile);
        cities.flush();
        CityDetail detail = detail(cities.findById(id), profile);
        events.created(detail);
        return detail;
    }

    /**
     * Replaces what the city offers and needs; the same lists again change nothing.
     *
     * @throws ProblemException 404; 422 naming the field ({@link ExpertiseRules}); 428/412 without a current
     *     If-Match when it changes what the city had declared
     */
    @Transactional
    public CityDetail putExpertise(String id, ExpertiseRequest request, String ifMatch) {
        City city = cities.findByIdOptional(id).orElseThrow(() -> notFound(id));
        List<FieldError> errors = ExpertiseRules.check(request, arrangementsOf(id), sectors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        CityProfile profile = lockedProfile(id);
        boolean declaredBefore = !profile.offers().isEmpty() || !profile.needs().isEmpty();
        boolean differs = !profile.offers().equals(request.offersOrEmpty()) || !profile.needs().equals(request.needsOrEmpty());
        EntityTags.checkPrecondition(ifMatch, (long) profile.version(), declaredBefore && differs);
        if (profile.declare(request.offersOrEmpty(), request.needsOrEmpty(), time.now())) {
            return published(city, profile);
        }
        return detail(city, profile);
    }

    /**
     * Replaces the city's names in other languages and scripts; the same names again change nothing.
     *
     * @throws ProblemException as {@link #putExpertise}
     */
    @Transactional
    public CityDetail putNames(String id, List<AlternateName> names, String ifMatch) {
        City city = cities.findByIdOptional(id).orElseThrow(() -> notFound(id));
        checkNames(names, "names");
        CityProfile profile = lockedProfile(id);
        List<AlternateName> held = alternateNames(id);
        boolean differs = !new HashSet<>(held).equals(new HashSet<>(names));
        EntityTags.checkPrecondition(ifMatch, (long) profile.version(), !held.isEmpty() && differs);
        if (!differs) {
            return detail(city, profile);
        }
        cities.replaceAlternateNames(id, names);
        profile.touch(time.now());
        return published(city, profile);
    }

    private CityDetail published(City city, CityProfile profile) {
        cities.flush();
        CityDetail detail = detail(city, profile);
        events.updated(detail);
        return detail;
    }

    private CityProfile lockedProfile(String id) {
        return cities.lockedProfile(id, time.now());
    }

    private CityProfile profile(String id) {
        return cities.profile(id);
    }

    /** Ids of the arrangements the city takes part in. */
    private Set<UUID> arrangementsOf(String cityId) {
        return new HashSet<>(arrangements.ofCity(cityId));
    }

    /** The city's names in other scripts, in name order. */
    public List<AlternateName> alternateNames(String cityId) {
        return cities.alternateNames(cityId);
    }

    private static void checkNames(List<AlternateName> names, String field) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i).name().strip())) {
                errors.add(new FieldError(field + "[" + i + "].name", "'" + names.get(i).name() + "' is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private CityDetail detail(City city, CityProfile profile) {
        return new CityDetail(city.id(), city.name(), city.asciiName(), city.country(), city.admin1Code(), city.population(),
                city.latitude(), city.longitude(), city.source(), alternateNames(city.id()),
                profile == null ? List.of() : profile.offers(), profile == null ? List.of() : profile.needs(),
                profile == null ? 0 : profile.version());
    }

    static ProblemException notFound(String id) {
        return ProblemException.notFound("No city with id '" + id + "' in the registry.");
    }

    /** Lower case without accents, for comparing names. */
    private static String fold(String name) {
        return ascii(name).toLowerCase(java.util.Locale.ROOT);
    }

    /** The name with combining marks removed (Đ and đ become D and d). */
    static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('Đ', 'D').replace('đ', 'd');
    }

}
