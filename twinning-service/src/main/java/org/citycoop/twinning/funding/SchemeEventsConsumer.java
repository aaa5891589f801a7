package org.citycoop.twinning.funding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.citycoop.platform.events.IncomingEvent;
import org.citycoop.platform.events.ProcessedEvents;
import org.citycoop.platform.web.StrictJson;
import org.citycoop.twinning.arrangement.FundingLink;
import org.citycoop.twinning.arrangement.TwinningService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Keeps the scheme read model from {@code catalog.schemes} (consumer group {@code twinning-service}, from the
 * earliest offset), the way the matching-service does: each event is applied in one transaction with its entry
 * in the processed-event log (a redelivered id is skipped), and only when its {@code version} is higher than the
 * one held. When a scheme becomes WITHDRAWN (or its withdrawn event arrives) or CLOSED, the arrangements linked
 * to it are flagged ({@link TwinningService#flagFunding}). An unreadable event fails and goes to
 * {@code twinning.dead-letter}; types this service does not know are skipped.
 */
@ApplicationScoped
public class SchemeEventsConsumer {

    static final String CONSUMER = "twinning.schemes";
    static final Set<String> TYPES = Set.of("org.citycoop.catalog.scheme.created.v1",
            "org.citycoop.catalog.scheme.updated.v1", "org.citycoop.catalog.scheme.withdrawn.v1");
    static final String WITHDRAWN = "org.citycoop.catalog.scheme.withdrawn.v1";
    private static final Logger LOG = Logger.getLogger(SchemeEventsConsumer.class);

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    SchemeReadModel schemes;

    @Inject
    TwinningService twinnings;

    private final ObjectMapper reader;

    @Inject
    public SchemeEventsConsumer(ObjectMapper serviceMapper) {
        this.reader = StrictJson.tolerant(serviceMapper).enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
    }

    @Incoming("catalog-schemes")
    @Blocking
    @Transactional
    public void onScheme(ConsumerRecord<String, String> record) throws JsonProcessingException {
        IncomingEvent event = IncomingEvent.of(record);
        if (!TYPES.contains(event.type())) {
            LOG.infof("Skipped event %s of type %s on %s", event.id(), event.type(), record.topic());
            return;
        }
        if (!processedEvents.firstDelivery(CONSUMER, event.idOr(record))) {
            return;
        }
        SchemeData scheme = read(event);
        if (WITHDRAWN.equals(event.type())) {
            scheme = scheme.withStatus(SchemeData.SchemeStatus.WITHDRAWN);
        }
        if (!schemes.store(scheme)) {
            LOG.debugf("Ignored %s %s version %d: the read model holds this version or a newer one", event.type(), scheme.id(), scheme.version());
            return;
        }
        if (scheme.status() == SchemeData.SchemeStatus.WITHDRAWN) {
            twinnings.flagFunding(scheme.id(), FundingLink.Flag.SCHEME_WITHDRAWN);
        } else if (scheme.status() == SchemeData.SchemeStatus.CLOSED) {
            twinnings.flagFunding(scheme.id(), FundingLink.Flag.SCHEME_CLOSED);
        }
    }

    /** The event's data; fails (to the dead-letter topic) without an id or version. */
    SchemeData read(IncomingEvent event) throws JsonProcessingException {
        SchemeData scheme = reader.readValue(event.data(), SchemeData.class);
        if (scheme.id() == null || scheme.version() == null) {
            throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type() + " has no data.id or data.version");
        }
        return scheme;
    }
}
