package org.citycoop.matching.readmodel;


import jakarta.inject.Singleton;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.scoring.TrackRecord;
import org.citycoop.matching.scoring.TrackRecords;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ChallengeArea;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The matching read model in memory: every scheme (parsed), agency and twinning arrangement the database's read
 * model holds, with schemes indexed by challenge area and arrangements by city, so that a match reads no SQL.
 * {@link ReadModelIndexer} fills it from the database at start-up, applies what this instance's consumers commit,
 * and polls the database for what other instances committed.
 *
 * <p>Each entry is replaced only by a higher {@code version} (as in the database), so a redelivered or late
 * event never takes it back to an older version. Writers are serialised; readers take no lock and see each
 * scheme, agency or arrangement as it was before or after a change (entries are immutable records; a match that
 * runs while a scheme moves to other challenge areas may see it under an old area and a new one). Schemes are never removed
 * (a withdrawal is a version with status {@code WITHDRAWN}, as in the database).
 */
@Singleton
public class ReadModelIndex {

    /** Every scheme by id, prepared for ranking. */
    private final Map<String, PreparedScheme> schemes = new ConcurrentHashMap<>();
    /** The schemes addressing each area, by id (the same instances as in {@link #schemes}). */
    private final Map<ChallengeArea, Map<String, PreparedScheme>> byArea = new EnumMap<>(ChallengeArea.class);
    /**
     * The values of {@link #byArea} of each area as an array, which a match reads faster than the map; null after a
     * change of the area until the next match makes it again.
     */
    private final Map<ChallengeArea, PreparedScheme[]> areaArrays = new ConcurrentHashMap<>();
    private final Map<String, AgencyData> agencies = new ConcurrentHashMap<>();
    private final Map<String, ArrangementData> arrangements = new ConcurrentHashMap<>();
    /** The agencies' IATI activities by agency id, then by activity id. */
    private final Map<String, Map<String, ActivityData>> activitiesByAgency = new ConcurrentHashMap<>();
    private final Map<String, ActivityData> activities = new ConcurrentHashMap<>();
    /** Ids of the arrangements each city (GeoNames id) takes part in. */
    private final Map<String, Set<String>> arrangementsByCity = new ConcurrentHashMap<>();

    public ReadModelIndex() {
        for (ChallengeArea area : ChallengeArea.values()) {
            byArea.put(area, new ConcurrentHashMap<>());
        }
    }

    /**
     * Holds {@code scheme} unless the index holds the same or a newer version of it.
     *
     * @return true when held, false when ignored
     */
    public synchronized boolean put(SchemeData scheme) {
        PreparedScheme held = schemes.get(scheme.id());
        if (held != null && version(held.scheme().version()) >= version(scheme.version())) {
            return false;
        }
        PreparedScheme prepared = PreparedScheme.of(scheme);
        schemes.put(scheme.id(), prepared);
        for (ChallengeArea area : scheme.challengeAreas()) {
            byArea.get(area).put(scheme.id(), prepared);
            areaArrays.remove(area);
        }
        if (held != null) {
            for (ChallengeArea area : held.scheme().challengeAreas()) {
                if (!prepared.addresses(area)) {
                    byArea.get(area).remove(scheme.id());
                    areaArrays.remove(area);
                }
            }
        }
        return true;
    }

    /** Holds {@code agency} unless the index holds the same or a newer version of it; true when held. */
    public synchronized boolean put(AgencyData agency) {
        AgencyData held = agencies.get(agency.id());
        if (held != null && version(held.version()) >= version(agency.version())) {
            return false;
        }
        agencies.put(agency.id(), agency);
        return true;
    }

    /** Holds {@code arrangement} unless the index holds the same or a newer version of it; true when held. */
    public synchronized boolean put(ArrangementData arrangement) {
        ArrangementData held = arrangements.get(arrangement.id());
        if (held != null && version(held.version()) >= version(arrangement.version())) {
            return false;
        }
        arrangements.put(arrangement.id(), arrangement);
        Set<String> cities = cityIds(arrangement);
        for (String cityId : cities) {
            arrangementsByCity.computeIfAbsent(cityId, any -> ConcurrentHashMap.newKeySet()).add(arrangement.id());
        }
        if (held != null) {
            for (String cityId : cityIds(held)) {
                if (!cities.contains(cityId)) {
                    arrangementsByCity.get(cityId).remove(arrangement.id());
                }
            }
        }
        return true;
    }

    /** Holds {@code activity} unless the index holds the same or a newer version of it; true when held. */
    public synchronized boolean put(ActivityData activity) {
        ActivityData held = activities.get(activity.id());
        if (held != null && version(held.version()) >= version(activity.version())) {
            return false;
        }
        activities.put(activity.id(), activity);
        activitiesByAgency.computeIfAbsent(activity.agencyId(), any -> new ConcurrentHashMap<>()).put(activity.id(), activity);
        return true;
    }

    /** True when the index holds this version of the activity or a newer one. */
    public boolean holdsActivity(String id, long version) {
        ActivityData held = activities.get(id);
        return held != null && version(held.version()) >= version;
    }

    /** The agency's IATI activities, in no particular order. */
    public Collection<ActivityData> activitiesOf(String agencyId) {
        Map<String, ActivityData> held = agencyId == null ? null : activitiesByAgency.get(agencyId);
        return held == null ? List.of() : held.values();
    }

    /** How explanations name the agency: its acronym, else its name, else its id. */
    public String agencyLabel(String agencyId) {
        return agency(agencyId).map(a -> a.acronym() != null ? a.acronym() : a.name() != null ? a.name() : a.id()).orElse(agencyId);
    }

    /** The agencies' track records from the activities held. */
    public TrackRecords trackRecords() {
        return (agencyId, country, sectors) -> TrackRecord.of(agencyLabel(agencyId), activitiesOf(agencyId), country, sectors);
    }

    /** True when the index holds this version of the scheme or a newer one (then reading it again is useless). */
    public boolean holdsScheme(String id, long version) {
        PreparedScheme held = schemes.get(id);
        return held != null && version(held.scheme().version()) >= version;
    }

    /** True when the index holds this version of the agency or a newer one. */
    public boolean holdsAgency(String id, long version) {
        AgencyData held = agencies.get(id);
        return held != null && version(held.version()) >= version;
    }

    /** True when the index holds this version of the arrangement or a newer one. */
    public boolean holdsArrangement(String id, long version) {
        ArrangementData held = arrangements.get(id);
        return held != null && version(held.version()) >= version;
    }

    /** The scheme, by id. */
    public Optional<SchemeData> scheme(String id) {
        return Optional.ofNullable(schemes.get(id)).map(PreparedScheme::scheme);
    }

    /** The schemes of these agencies, by scheme id. */
    public List<SchemeData> schemesOf(Collection<String> agencyIds) {
        List<SchemeData> found = new ArrayList<>();
        for (PreparedScheme scheme : schemes.values()) {
            if (agencyIds.contains(scheme.scheme().agencyId())) {
                found.add(scheme.scheme());
            }
        }
        found.sort(Comparator.comparing(SchemeData::id));
        return found;
    }

    /** The agency, by id; empty until its event has arrived. */
    public Optional<AgencyData> agency(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(agencies.get(id));
    }

    /** Every arrangement, in any status, that {@code cityId} (a GeoNames id) takes part in, by id. */
    public List<ArrangementData> arrangementsOf(String cityId) {
        Set<String> ids = arrangementsByCity.get(cityId);
        if (ids == null) {
            return List.of();
        }
        List<ArrangementData> found = new ArrayList<>();
        for (String id : ids) {
            ArrangementData arrangement = arrangements.get(id);
            if (arrangement != null && cityIds(arrangement).contains(cityId)) {
                found.add(arrangement);
            }
        }
        found.sort(Comparator.comparing(ArrangementData::id));
        return found;
    }

    /**
     * The schemes that may match, prepared for ranking: all of them address at least one of {@code areas}, each is
     * listed once. With {@code onlyEligible} also leaves out what the hard criteria of
     * {@link org.citycoop.matching.scoring.HardCriteria} fail for certain: a scheme withdrawn, superseded or closed
     * (a {@code FIXED} deadline before {@code now}), a country list without {@code country}, an applicant list
     * without {@code applicantType} or {@code ANY}. Scoring decides the rest (deadline reachability, partner city).
     * In no particular order.
     */
    public List<PreparedScheme> candidates(Collection<ChallengeArea> areas, String country, ApplicantType applicantType,
                                           boolean onlyEligible, Instant now) {
        PreparedScheme[][] arrays = new PreparedScheme[areas.size()][];
        int most = 0;
        int a = 0;
        for (ChallengeArea area : areas) {
            arrays[a] = areaArray(area);
            most += arrays[a++].length;
        }
        List<PreparedScheme> found = new ArrayList<>(most);
        int countryCode = PreparedScheme.countryCode(country);
        long areasBefore = 0;
        a = 0;
        for (ChallengeArea area : areas) {
            for (PreparedScheme scheme : arrays[a++]) {
                if (!scheme.addressesAny(areasBefore) // else found under an area asked before
                        && (!onlyEligible || scheme.statusAllows(now) && scheme.openToCountry(countryCode) && scheme.openToApplicant(applicantType))) {
                    found.add(scheme);
                }
            }
            areasBefore |= PreparedScheme.bit(area);
        }
        return found;
    }

    /** The schemes of {@link #byArea} of {@code area}, as an array made again after a change of the area. */
    private PreparedScheme[] areaArray(ChallengeArea area) {
        PreparedScheme[] array = areaArrays.get(area);
        if (array != null) {
            return array;
        }
        synchronized (this) { // as writers: no change between copying the map and keeping the copy
            return areaArrays.computeIfAbsent(area, any -> byArea.get(area).values().toArray(new PreparedScheme[0]));
        }
    }

    /** Number of schemes held. */
    public int schemeCount() {
        return schemes.size();
    }

    /** Number of agencies held. */
    public int agencyCount() {
        return agencies.size();
    }

    /** Number of IATI activities held. */
    public int activityCount() {
        return activities.size();
    }

    /** Number of arrangements held. */
    public int arrangementCount() {
        return arrangements.size();
    }

    private static Set<String> cityIds(ArrangementData arrangement) {
        Set<String> ids = new HashSet<>();
        arrangement.cities().stream().map(ArrangementData.City::cityId).filter(Objects::nonNull).forEach(ids::add);
        return ids;
    }

    private static long version(Long version) {
        return version == null ? Long.MIN_VALUE : version;
    }
}
