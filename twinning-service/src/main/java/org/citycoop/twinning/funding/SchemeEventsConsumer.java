package org.citycoop.twinning.funding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.citycoop.platform.events.EventBatches;
import org.citycoop.platform.events.EventBatches.Delivery;
import org.citycoop.platform.events.IncomingEvent;
import org.citycoop.platform.web.StrictJson;
import org.citycoop.twinning.arrangement.FundingLink;
import org.citycoop.twinning.arrangement.TwinningService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Keeps the scheme read model from {@code catalog.schemes} (consumer group {@code twinning-service}, from the
 * earliest offset), the way the matching-service does: a whole Kafka poll ({@code batch=true}) is applied in one
 * transaction with the entries of its events in the processed-event log ({@link EventBatches}; a redelivered id
 * is skipped), each event in offset order and only when its {@code version} is higher than the one held. When a
 * scheme becomes WITHDRAWN (or its withdrawn event arrives) or CLOSED, the arrangements linked to it are flagged
 * ({@link TwinningService#flagFunding}). An unreadable event is nacked on its own and goes to
 * {@code twinning.dead-letter}, the rest of the poll is applied; types this service does not know are skipped.
 */
@ApplicationScoped
public class SchemeEventsConsumer {

    static final String CONSUMER = "twinning.schemes";
    // The catalogue's scheme events, one per example it publishes (CatalogSchemeExamplesTest checks the set).
    public static final String CREATED = "org.citycoop.catalog.scheme.created.v1";
    public static final String UPDATED = "org.citycoop.catalog.scheme.updated.v1";
    public static final String WITHDRAWN = "org.citycoop.catalog.scheme.withdrawn.v1";
    static final Set<String> TYPES = Set.of(CREATED, UPDATED, WITHDRAWN);
    private static final Logger LOG = Logger.getLogger(SchemeEventsConsumer.class);

    @Inject
    EventBatches batches;

    @Inject
    SchemeRepository schemes;

    @Inject
    TwinningService twinnings;

    private final ObjectMapper reader;

    @Inject
    public SchemeEventsConsumer(ObjectMapper serviceMapper) {
        this.reader = StrictJson.tolerant(serviceMapper).enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
    }

    @Incoming("catalog-schemes")
    @Blocking
    public CompletionStage<Void> onSchemes(KafkaRecordBatch<String, String> batch) {
        return batches.consume(batch, CONSUMER, TYPES, this::read, this::store);
    }

    private void store(List<Delivery<SchemeData>> deliveries) {
        boolean[] stored = schemes.storeAll(deliveries.stream().map(Delivery::data).toList());
        Map<String, FundingLink.Flag> flags = new LinkedHashMap<>();
        for (int i = 0; i < stored.length; i++) {
            Delivery<SchemeData> delivery = deliveries.get(i);
            SchemeData scheme = delivery.data();
            if (!stored[i]) {
                LOG.debugf("Ignored %s %s version %d: the read model holds this version or a newer one",
                        delivery.event().type(), scheme.id(), scheme.version());
            } else if (scheme.status() == SchemeData.SchemeStatus.WITHDRAWN) {
                flags.put(scheme.id(), FundingLink.Flag.SCHEME_WITHDRAWN);
            } else if (scheme.status() == SchemeData.SchemeStatus.CLOSED) {
                flags.put(scheme.id(), FundingLink.Flag.SCHEME_CLOSED);
            }
        }
        twinnings.flagFunding(flags);
    }

    /** The event's data (status WITHDRAWN for a withdrawal); fails (to the dead-letter topic) without an id or version. */
    SchemeData read(IncomingEvent event) throws JsonProcessingException {
        SchemeData scheme = reader.readValue(event.data(), SchemeData.class);
        if (scheme.id() == null || scheme.version() == null) {
            throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type() + " has no data.id or data.version");
        }
        return WITHDRAWN.equals(event.type()) ? scheme.withStatus(SchemeData.SchemeStatus.WITHDRAWN) : scheme;
    }
}
