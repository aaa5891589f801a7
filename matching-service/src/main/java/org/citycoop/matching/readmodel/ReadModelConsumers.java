package org.citycoop.matching.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.alerts.NeedEvaluator;
import org.citycoop.platform.events.IncomingEvent;
import org.citycoop.platform.events.ProcessedEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Builds the read model from the events of the catalogue and the twinning service (consumer group
 * {@code matching-service}, from the earliest offset). Each event is applied in one transaction with its entry
 * in the processed-event log: a redelivered event id is skipped, and an event whose {@code version} is not
 * higher than the one held is ignored. An event that cannot be read (not JSON, no {@code id} or
 * {@code version}) fails; the connector then sends it to {@code matching.dead-letter} with the error, and the
 * partition moves on. Event types this service does not know are skipped. A change that is stored re-evaluates
 * the saved needs it can affect in the same transaction ({@link NeedEvaluator}), which raises the alerts, and
 * fires a {@link ReadModelChange}, which {@link ReadModelIndexer} puts in the in-memory index after the commit.
 */
@ApplicationScoped
public class ReadModelConsumers {

    private static final Logger LOG = Logger.getLogger(ReadModelConsumers.class);

    static final Set<String> SCHEME_TYPES = Set.of("org.citycoop.catalog.scheme.created.v1",
            "org.citycoop.catalog.scheme.updated.v1", "org.citycoop.catalog.scheme.withdrawn.v1");
    static final String SCHEME_WITHDRAWN = "org.citycoop.catalog.scheme.withdrawn.v1";
    static final Set<String> AGENCY_TYPES = Set.of("org.citycoop.catalog.agency.created.v1",
            "org.citycoop.catalog.agency.updated.v1");
    static final Set<String> ARRANGEMENT_TYPES = Set.of("org.citycoop.twinning.arrangement.created.v1",
            "org.citycoop.twinning.arrangement.updated.v1");

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    EventJson json;

    @Inject
    SchemeStore schemes;

    @Inject
    AgencyStore agencies;

    @Inject
    ArrangementStore arrangements;

    @Inject
    NeedEvaluator evaluator;

    @Inject
    Event<ReadModelChange> changes;

    /** {@code catalog.schemes}: created, updated and withdrawn schemes (a withdrawal stores status WITHDRAWN). */
    @Incoming("catalog-schemes")
    @Blocking
    @Transactional
    public void onScheme(ConsumerRecord<String, String> record) throws JsonProcessingException {
        IncomingEvent event = firstDelivery("matching.schemes", record, SCHEME_TYPES);
        if (event != null) {
            SchemeData scheme = json.read(event.data(), SchemeData.class);
            requireIdentity(event, scheme.id(), scheme.version());
            if (SCHEME_WITHDRAWN.equals(event.type())) {
                scheme = scheme.withStatus(SchemeStatus.WITHDRAWN);
            }
            boolean stored = schemes.store(scheme);
            logOutcome(event, stored, scheme.version());
            if (stored) {
                evaluator.schemeChanged(scheme);
                changes.fire(new ReadModelChange.SchemeStored(scheme));
            }
        }
    }

    /** {@code catalog.agencies}: name and acronym shown beside the agency's schemes. */
    @Incoming("catalog-agencies")
    @Blocking
    @Transactional
    public void onAgency(ConsumerRecord<String, String> record) throws JsonProcessingException {
        IncomingEvent event = firstDelivery("matching.agencies", record, AGENCY_TYPES);
        if (event != null) {
            AgencyData agency = json.read(event.data(), AgencyData.class);
            requireIdentity(event, agency.id(), agency.version());
            boolean stored = agencies.store(agency);
            logOutcome(event, stored, agency.version());
            if (stored) {
                changes.fire(new ReadModelChange.AgencyStored(agency));
            }
        }
    }

    /** {@code twinning.arrangements}: the cities of each arrangement and its status, for the partner-city rule. */
    @Incoming("twinning-arrangements")
    @Blocking
    @Transactional
    public void onArrangement(ConsumerRecord<String, String> record) throws JsonProcessingException {
        IncomingEvent event = firstDelivery("matching.arrangements", record, ARRANGEMENT_TYPES);
        if (event != null) {
            ArrangementData arrangement = json.read(event.data(), ArrangementData.class);
            requireIdentity(event, arrangement.id(), arrangement.version());
            boolean stored = arrangements.store(arrangement);
            logOutcome(event, stored, arrangement.version());
            if (stored) {
                changes.fire(new ReadModelChange.ArrangementStored(arrangement));
                evaluator.citiesChanged(arrangement.cities().stream().map(ArrangementData.City::cityId)
                        .filter(java.util.Objects::nonNull).toList());
            }
        }
    }

    /** The event to apply, or null when it is a redelivery or of a type this consumer does not handle. */
    private IncomingEvent firstDelivery(String consumer, ConsumerRecord<String, String> record, Set<String> types) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!types.contains(event.type())) {
            LOG.infof("Skipped event %s of type %s on %s", event.id(), event.type(), record.topic());
            return null;
        }
        if (!processedEvents.firstDelivery(consumer, event.idOr(record))) {
            LOG.debugf("Skipped redelivered event %s", event.id());
            return null;
        }
        return event;
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
