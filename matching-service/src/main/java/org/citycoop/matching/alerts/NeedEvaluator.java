package org.citycoop.matching.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.matching.needs.Need;
import org.citycoop.matching.needs.NeedRepository;
import org.citycoop.matching.readmodel.ArrangementData;
import org.citycoop.matching.readmodel.ActivityData;
import org.citycoop.matching.readmodel.ArrangementRepository;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.readmodel.ReadModelIndex;
import org.citycoop.matching.readmodel.ReadModelIndexer;
import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.CriterionResult;
import org.citycoop.matching.scoring.Match;
import org.citycoop.matching.scoring.MatchScorer;
import org.citycoop.matching.scoring.NeedsProfile;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.scoring.TrackRecord;
import org.citycoop.matching.scoring.TrackRecords;
import org.citycoop.matching.subscriptions.SubscriptionRepository;
import org.citycoop.platform.storage.DatabaseTime;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keeps the saved needs' match state current and raises alerts. Runs inside the transaction that applies a
 * catalogue or twinning event to the read model, so the read model, the new state, the alert, its
 * {@code matching.alerts} event (platform outbox) and its webhook deliveries commit together.
 *
 * <p>Only the needs an event can affect are evaluated: for a scheme, the needs with a challenge area it
 * addresses in a country it does not exclude, plus those it matched before ({@link NeedRepository#affectedBySchemes});
 * for a twinning arrangement, the needs of its cities, in full (a partner city can make any scheme eligible); for
 * an agency's IATI activities, the needs its schemes can affect, as for a change of those schemes.
 * The schemes a need is evaluated against in full come from the in-memory {@link ReadModelIndex}, brought up to
 * date with the database's committed read model first; twinning arrangements are read in the transaction, which
 * sees the one it is applying.
 */
@ApplicationScoped
public class NeedEvaluator {

    private static final Logger LOG = Logger.getLogger(NeedEvaluator.class);

    @Inject
    DatabaseTime time;

    @Inject
    NeedRepository needs;

    @Inject
    ReadModelIndex index;

    @Inject
    ReadModelIndexer indexer;

    @Inject
    ArrangementRepository arrangements;

    @Inject
    AlertRepository alerts;

    @Inject
    AlertEvents events;

    @Inject
    SubscriptionRepository deliveries;

    /** Records what a new or changed need matches now, without alerts (the baseline later alerts compare with). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void baseline(Need need) {
        Instant now = time.now();
        alerts.clearStates(need.id());
        eligibleMatches(need.profile(), twinnings(need.profile()), index.trackRecords(), now).values()
                .forEach(match -> alerts.saveState(need.id(), MatchState.of(match)));
    }

    /**
     * After schemes changed in the read model (the versions a poll stored, in order): evaluates each for every saved
     * need it can affect ({@link NeedRepository#affectedBySchemes}: the same lookup for all of them).
     *
     * @return the number of alerts raised
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int schemesChanged(List<SchemeData> schemes) {
        return schemesChanged(schemes, index.trackRecords());
    }

    /**
     * After IATI activities changed in the read model (the versions a poll stored): evaluates the schemes of their
     * agencies for the saved needs they can affect, with track records that count the stored activities (the
     * index takes them only once this transaction has committed).
     *
     * @return the number of alerts raised
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int activitiesChanged(List<ActivityData> activities) {
        if (activities.isEmpty()) {
            return 0;
        }
        Map<String, Map<String, ActivityData>> pending = new HashMap<>();
        activities.forEach(activity -> pending.computeIfAbsent(activity.agencyId(), any -> new HashMap<>()).put(activity.id(), activity));
        TrackRecords trackRecords = (agencyId, country, sectors) -> {
            Map<String, ActivityData> stored = pending.get(agencyId);
            if (stored == null) {
                return index.trackRecords().of(agencyId, country, sectors);
            }
            Map<String, ActivityData> all = new HashMap<>();
            index.activitiesOf(agencyId).forEach(activity -> all.put(activity.id(), activity));
            all.putAll(stored);
            return TrackRecord.of(index.agencyLabel(agencyId), all.values(), country, sectors);
        };
        indexer.refresh();
        return schemesChanged(index.schemesOf(pending.keySet()), trackRecords.memoized());
    }

    private int schemesChanged(List<SchemeData> schemes, TrackRecords trackRecords) {
        Instant now = time.now();
        Map<String, List<Need>> affected = needs.affectedBySchemes(schemes);
        Map<String, List<ArrangementData>> twinningsByCity = new HashMap<>();
        int raised = 0;
        for (SchemeData scheme : schemes) {
            for (Need need : affected.getOrDefault(scheme.id(), List.of())) {
                List<ArrangementData> twinnings = need.profile().cityId() == null ? List.of()
                        : twinningsByCity.computeIfAbsent(need.profile().cityId(), arrangements::involving);
                Match match = MatchScorer.score(need.profile(), scheme, twinnings, trackRecords, now);
                raised += apply(need, scheme.id(), alerts.state(need.id(), scheme.id()), match, now) ? 1 : 0;
            }
        }
        return raised;
    }

    /**
     * After a twinning arrangement of these cities changed: evaluates their saved needs against every scheme.
     *
     * @return the number of alerts raised
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int citiesChanged(Collection<String> cityIds) {
        Instant now = time.now();
        int raised = 0;
        TrackRecords trackRecords = index.trackRecords();
        for (Need need : needs.ofCities(cityIds)) {
            List<ArrangementData> twinnings = twinnings(need.profile());
            Map<String, Match> current = eligibleMatches(need.profile(), twinnings, trackRecords, now);
            Map<String, MatchState> previous = alerts.states(need.id());
            for (String schemeId : new TreeSet<>(Stream.concat(current.keySet().stream(), previous.keySet().stream()).toList())) {
                Match match = current.get(schemeId);
                if (match == null) {
                    match = index.scheme(schemeId).map(scheme -> MatchScorer.score(need.profile(), scheme, twinnings, trackRecords, now)).orElse(null);
                }
                raised += apply(need, schemeId, previous.get(schemeId), match, now) ? 1 : 0;
            }
        }
        return raised;
    }

    /** Stores the new state of one (need, scheme) and raises an alert when it differs in what matters. */
    private boolean apply(Need need, String schemeId, MatchState before, Match match, Instant now) {
        MatchState after = match != null && match.eligible() ? MatchState.of(match) : null;
        if (after == null) {
            if (before != null) {
                alerts.deleteState(need.id(), schemeId);
            }
        } else if (!after.equals(before)) {
            alerts.saveState(need.id(), after);
        }
        Optional<AlertRules.Change> change = AlertRules.compare(before, after);
        if (change.isEmpty()) {
            return false;
        }
        SchemeData scheme = match == null ? null : match.scheme();
        List<Assessment> failed = match == null ? List.of()
                : match.explanation().stream().filter(a -> a.criterion().isHard() && a.result() == CriterionResult.FAILED).toList();
        Alert alert = new Alert(UUID.randomUUID(), need.id(),
                scheme == null ? new Alert.SchemeRef(schemeId, null, null, null, null)
                        : new Alert.SchemeRef(scheme.id(), scheme.agencyId(), scheme.ref(), scheme.name(), scheme.version()),
                change.get().reason(), change.get().changes(), failed, after == null ? null : after.score(),
                now.atOffset(ZoneOffset.UTC), 1);
        alerts.insert(alert);
        events.raised(alert);
        deliveries.enqueue(alert, need.createdBy(), need.profile().cityId());
        LOG.debugf("Alert %s for need %s: scheme %s %s", alert.id(), need.id(), schemeId, alert.reason());
        return true;
    }

    private List<ArrangementData> twinnings(NeedsProfile profile) {
        return profile.cityId() == null ? List.of() : arrangements.involving(profile.cityId());
    }

    /**
     * The schemes eligible for the profile now, from the in-memory index after it has caught up with the database
     * ({@link ReadModelIndexer#refresh}: every scheme committed so far, whichever instance consumed it).
     */
    private Map<String, Match> eligibleMatches(NeedsProfile profile, List<ArrangementData> twinnings, TrackRecords trackRecords,
                                               Instant now) {
        indexer.refresh();
        Map<String, Match> eligible = new HashMap<>();
        PreparedProfile prepared = PreparedProfile.of(profile, twinnings, trackRecords, now);
        for (PreparedScheme scheme : index.candidates(prepared, true)) {
            eligible.put(scheme.scheme().id(), MatchScorer.explain(prepared, scheme));
        }
        return eligible;
    }
}
