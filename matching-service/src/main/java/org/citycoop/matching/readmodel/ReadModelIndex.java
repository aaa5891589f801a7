package org.citycoop.matching.readmodel;


import jakarta.inject.Singleton;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.MatchScorer;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.scoring.TrackRecord;
import org.citycoop.matching.scoring.TrackRecords;
import org.citycoop.matching.scoring.criteria.IndexKey;
import org.citycoop.matching.scoring.criteria.MatchCriterion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The matching read model in memory: every scheme (parsed), agency and twinning arrangement the database's read
 * model holds, with schemes filed under the index keys of the hard criteria that declare one ({@link IndexKey}: the
 * challenge areas of {@code relevance}) and arrangements by city, so that a match reads no SQL.
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
    /** The hard criteria that pre-filter by an index key, and those keys. */
    private final MatchCriterion[] keyed = Arrays.stream(Criterion.values()).map(Criterion::rule)
            .filter(rule -> rule.indexKey() != null).toArray(MatchCriterion[]::new);
    private final IndexKey[] keys = Arrays.stream(keyed).map(MatchCriterion::indexKey).toArray(IndexKey[]::new);
    /** For each of {@link #keys}, the schemes filed under each key, by id (the same instances as in {@link #schemes}). */
    private final List<List<Map<String, PreparedScheme>>> filed = new ArrayList<>();
    /**
     * The values of {@link #filed} of each key as an array (by {@link #slot}), which a match reads faster than the map;
     * absent after a change of the key's schemes until the next match makes it again.
     */
    private final Map<Integer, PreparedScheme[]> arrays = new ConcurrentHashMap<>();
    private final Map<String, AgencyData> agencies = new ConcurrentHashMap<>();
    private final Map<String, ArrangementData> arrangements = new ConcurrentHashMap<>();
    /** The agencies' IATI activities by agency id, then by activity id. */
    private final Map<String, Map<String, ActivityData>> activitiesByAgency = new ConcurrentHashMap<>();
    private final Map<String, ActivityData> activities = new ConcurrentHashMap<>();
    /** Ids of the arrangements each city (GeoNames id) takes part in. */
    private final Map<String, Set<String>> arrangementsByCity = new ConcurrentHashMap<>();

    public ReadModelIndex() {
        for (IndexKey key : keys) {
            List<Map<String, PreparedScheme>> byKey = new ArrayList<>();
            for (int k = 0; k < key.size(); k++) {
                byKey.add(new ConcurrentHashMap<>());
            }
            filed.add(byKey);
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
        for (int i = 0; i < keys.length; i++) {
            long now = keys[i].of(prepared);
            long before = held == null ? 0 : keys[i].of(held);
            for (int k = 0; k < keys[i].size(); k++) {
                if ((now & 1L << k) != 0) {
                    filed.get(i).get(k).put(scheme.id(), prepared);
                    arrays.remove(slot(i, k));
                } else if ((before & 1L << k) != 0) {
                    filed.get(i).get(k).remove(scheme.id());
                    arrays.remove(slot(i, k));
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
     * The schemes that may match {@code profile}, each once, in no particular order: those filed under the profile's
     * keys of every hard criterion that has an {@link IndexKey} (the asked challenge areas), read under the key whose
     * schemes are fewest. With {@code onlyEligible} only those that fail no hard criterion
     * ({@link MatchScorer#eligible}); otherwise also those that fail a hard criterion without an index key.
     */
    public List<PreparedScheme> candidates(PreparedProfile profile, boolean onlyEligible) {
        List<PreparedScheme> found = new ArrayList<>();
        forEachCandidate(profile, onlyEligible, found::add);
        return found;
    }

    /** {@link #candidates} handed to {@code action} one by one, without collecting them. */
    public void forEachCandidate(PreparedProfile profile, boolean onlyEligible, Consumer<PreparedScheme> action) {
        if (keys.length == 0) {
            for (PreparedScheme scheme : schemes.values()) {
                if (!onlyEligible || MatchScorer.eligible(profile, scheme)) {
                    action.accept(scheme);
                }
            }
            return;
        }
        int fewest = 0;
        long fewestCount = Long.MAX_VALUE;
        for (int i = 0; i < keys.length; i++) {
            long wanted = keys[i].of(profile);
            long count = 0;
            for (int k = 0; k < keys[i].size(); k++) {
                if ((wanted & 1L << k) != 0) {
                    count += filed.get(i).get(k).size();
                }
            }
            if (count < fewestCount) {
                fewest = i;
                fewestCount = count;
            }
        }
        IndexKey key = keys[fewest];
        long wanted = key.of(profile);
        long before = 0;
        for (int k = 0; k < key.size(); k++) {
            if ((wanted & 1L << k) == 0) {
                continue;
            }
            for (PreparedScheme scheme : array(fewest, k)) {
                if ((key.of(scheme) & before) == 0 // else found under a key read before
                        && (onlyEligible ? MatchScorer.eligible(profile, scheme) : passesOtherKeys(profile, scheme, fewest))) {
                    action.accept(scheme);
                }
            }
            before |= 1L << k;
        }
    }

    /** The scheme passes the hard criteria with an index key other than the {@code read} one. */
    private boolean passesOtherKeys(PreparedProfile profile, PreparedScheme scheme, int read) {
        for (int i = 0; i < keyed.length; i++) {
            if (i != read && keyed[i].rate(profile, scheme) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The schemes of {@link #filed} under key {@code k} of {@code keys[i]}, as an array made again after a change. */
    private PreparedScheme[] array(int i, int k) {
        PreparedScheme[] array = arrays.get(slot(i, k));
        if (array != null) {
            return array;
        }
        synchronized (this) { // as writers: no change between copying the map and keeping the copy
            return arrays.computeIfAbsent(slot(i, k), any -> filed.get(i).get(k).values().toArray(new PreparedScheme[0]));
        }
    }

    private static int slot(int i, int k) {
        return i * 64 + k;
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
