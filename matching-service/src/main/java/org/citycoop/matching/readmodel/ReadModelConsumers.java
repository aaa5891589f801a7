package org.citycoop.matching.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.citycoop.matching.alerts.NeedEvaluator;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.platform.events.EventBatches;
import org.citycoop.platform.events.EventBatches.Delivery;
import org.citycoop.platform.events.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Builds the read model from the events of the catalogue and the twinning service (consumer group
 * {@code matching-service}, from the earliest offset). Each channel takes a whole Kafka poll at a time
 * ({@code batch=true}) and applies it in one transaction with the entries of its events in the processed-event
 * log ({@link EventBatches}): a redelivered event id is skipped, and an event whose {@code version} is not higher
 * than the one held is ignored (the stores' SQL), also between versions of one aggregate in the same poll, which
 * are applied in offset order. An event that cannot be read (not JSON, no {@code id} or {@code version}) is nacked
 * on its own; the connector then sends it to {@code matching.dead-letter} with the error, and the other events of
 * the poll are applied. Event types this service does not know are skipped. A change that is stored
 * re-evaluates the saved needs it can affect in the same transaction ({@link NeedEvaluator}), which raises the
 * alerts, and fires a {@link ReadModelChange}, which {@link ReadModelIndexer} puts in the in-memory index after
 * the commit.
 */
@ApplicationScoped
public class ReadModelConsumers {

    private static final Logger LOG = Logger.getLogger(ReadModelConsumers.class);

    // The types this service reads, one per example event of the producers (the contract test checks that each topic's
    // set is every type its producer has an example for, so that a new type cannot go unread).
    public static final String SCHEME_CREATED = "org.citycoop.catalog.scheme.created.v1";
    public static final String SCHEME_UPDATED = "org.citycoop.catalog.scheme.updated.v1";
    public static final String SCHEME_WITHDRAWN = "org.citycoop.catalog.scheme.withdrawn.v1";
    public static final String AGENCY_CREATED = "org.citycoop.catalog.agency.created.v1";
    public static final String AGENCY_UPDATED = "org.citycoop.catalog.agency.updated.v1";
    public static final String ACTIVITY_CREATED = "org.citycoop.catalog.activity.created.v1";
    public static final String ACTIVITY_UPDATED = "org.citycoop.catalog.activity.updated.v1";
    public static final String ARRANGEMENT_CREATED = "org.citycoop.twinning.arrangement.created.v1";
    public static final String ARRANGEMENT_UPDATED = "org.citycoop.twinning.arrangement.updated.v1";
    /** The arrangement with a funding link flagged (its version grew): read as an update. */
    public static final String ARRANGEMENT_FUNDING_FLAGGED = "org.citycoop.twinning.arrangement.funding-flagged.v1";

    static final Set<String> SCHEME_TYPES = Set.of(SCHEME_CREATED, SCHEME_UPDATED, SCHEME_WITHDRAWN);
    static final Set<String> AGENCY_TYPES = Set.of(AGENCY_CREATED, AGENCY_UPDATED);
    static final Set<String> ACTIVITY_TYPES = Set.of(ACTIVITY_CREATED, ACTIVITY_UPDATED);
    static final Set<String> ARRANGEMENT_TYPES = Set.of(ARRANGEMENT_CREATED, ARRANGEMENT_UPDATED, ARRANGEMENT_FUNDING_FLAGGED);

    @Inject
    EventBatches batches;

    @Inject
    EventJson json;

    @Inject
    SchemeRepository schemes;

    @Inject
    AgencyRepository agencies;

    @Inject
    ArrangementRepository arrangements;

    @Inject
    ActivityRepository activities;

    @Inject
    NeedEvaluator evaluator;

    @Inject
    Event<ReadModelChange> changes;

    /** {@code catalog.schemes}: created, updated and withdrawn schemes (a withdrawal stores status WITHDRAWN). */
    @Incoming("catalog-schemes")
    @Blocking
    public CompletionStage<Void> onSchemes(KafkaRecordBatch<String, String> batch) {
        return batches.consume(batch, "matching.schemes", SCHEME_TYPES, this::readScheme, this::storeSchemes);
    }

    /** {@code catalog.agencies}: name and acronym shown beside the agency's schemes. */
    @Incoming("catalog-agencies")
    @Blocking
    public CompletionStage<Void> onAgencies(KafkaRecordBatch<String, String> batch) {
        return batches.consume(batch, "matching.agencies", AGENCY_TYPES, this::readAgency, this::storeAgencies);
    }

    /**
     * {@code catalog.activities}: the agencies' IATI activities, for the {@code trackRecord} criterion; the saved needs
     * the agencies' schemes can affect are evaluated again.
     */
    @Incoming("catalog-activities")
    @Blocking
    public CompletionStage<Void> onActivities(KafkaRecordBatch<String, String> batch) {
        return batches.consume(batch, "matching.activities", ACTIVITY_TYPES, this::readActivity, this::storeActivities);
    }

    /** {@code twinning.arrangements}: the cities of each arrangement and its status, for the partner-city rule. */
    @Incoming("twinning-arrangements")
    @Blocking
    public CompletionStage<Void> onArrangements(KafkaRecordBatch<String, String> batch) {
        return batches.consume(batch, "matching.arrangements", ARRANGEMENT_TYPES, this::readArrangement,
                this::storeArrangements);
    }

    private SchemeData readScheme(IncomingEvent event) throws JsonProcessingException {
        SchemeData scheme = json.read(event.data(), SchemeData.class);
        requireIdentity(event, scheme.id(), scheme.version());
        return SCHEME_WITHDRAWN.equals(event.type()) ? scheme.withStatus(SchemeStatus.WITHDRAWN) : scheme;
    }

    private void storeSchemes(List<Delivery<SchemeData>> deliveries) {
        boolean[] stored = schemes.storeAll(deliveries.stream().map(Delivery::data).toList());
        List<SchemeData> changed = new ArrayList<>();
        for (int i = 0; i < stored.length; i++) {
            logOutcome(deliveries.get(i).event(), stored[i], deliveries.get(i).data().version());
            if (stored[i]) {
                changed.add(deliveries.get(i).data());
            }
        }
        evaluator.schemesChanged(changed);
        changed.forEach(scheme -> changes.fire(new ReadModelChange.SchemeStored(scheme)));
    }

    private AgencyData readAgency(IncomingEvent event) throws JsonProcessingException {
        AgencyData agency = json.read(event.data(), AgencyData.class);
        requireIdentity(event, agency.id(), agency.version());
        return agency;
    }

    private void storeAgencies(List<Delivery<AgencyData>> deliveries) {
        for (Delivery<AgencyData> delivery : deliveries) {
            AgencyData agency = delivery.data();
            boolean stored = agencies.store(agency);
            logOutcome(delivery.event(), stored, agency.version());
            if (stored) {
                changes.fire(new ReadModelChange.AgencyStored(agency));
            }
        }
    }

    private ActivityData readActivity(IncomingEvent event) throws JsonProcessingException {
        ActivityData activity = json.read(event.data(), ActivityData.class);
        requireIdentity(event, activity.id(), activity.version());
        if (activity.agencyId() == null) {
            throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type() + " has no data.agencyId");
        }
        return activity;
    }

    private void storeActivities(List<Delivery<ActivityData>> deliveries) {
        List<ActivityData> changed = new ArrayList<>();
        for (Delivery<ActivityData> delivery : deliveries) {
            ActivityData activity = delivery.data();
            boolean stored = activities.store(activity);
            logOutcome(delivery.event(), stored, activity.version());
            if (stored) {
                changed.add(activity);
                changes.fire(new ReadModelChange.ActivityStored(activity));
            }
        }
        evaluator.activitiesChanged(changed);
    }

    private ArrangementData readArrangement(IncomingEvent event) throws JsonProcessingException {
        ArrangementData arrangement = json.read(event.data(), ArrangementData.class);
        requireIdentity(event, arrangement.id(), arrangement.version());
        return arrangement;
    }

    private void storeArrangements(List<Delivery<ArrangementData>> deliveries) {
        for (Delivery<ArrangementData> delivery : deliveries) {
            ArrangementData arrangement = delivery.data();
            boolean stored = arrangements.store(arrangement);
            logOutcome(delivery.event(), stored, arrangement.version());
            if (stored) {
                changes.fire(new ReadModelChange.ArrangementStored(arrangement));
                evaluator.citiesChanged(arrangement.cities().stream().map(ArrangementData.City::cityId)
                        .filter(Objects::nonNull).toList());
            }
        }
    }

    private static void requireIdentity(IncomingEvent event, String id, Long version) {
        if (id == null || version == null) {
            throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type()
                    + " has no data.id or data.version");
        }
    }

    private static void logOutcome(IncomingEvent event, boolean stored, long version) {
        if (stored) {
            LOG.debugf("Applied %s %s version %d", event.type(), event.subject(), version);
        } else {
            LOG.debugf("Ignored %s %s version %d: the read model holds this version or a newer one",
                    event.type(), event.subject(), version);
        }
    }
}
