package org.citycoop.matching.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.matching.needs.NeedRepository;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.storage.DatabaseTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.UUID;

/** Registers webhook subscriptions and reads their delivery log. */
@ApplicationScoped
public class SubscriptionService {

    @Inject
    DatabaseTime time;

    @Inject
    SubscriptionRepository deliveries;

    @Inject
    NeedRepository needs;

    @ConfigProperty(name = "citycoop.matching.webhooks.allow-private-addresses", defaultValue = "false")
    boolean allowPrivateAddresses;

    /**
     * Registers a webhook with a new secret (returned only here).
     *
     * @throws ProblemException 422 when the URL is not http(s), cannot be resolved or resolves to a private,
     *     loopback or link-local address (unless allowed), or when {@code needId} names no saved need
     */
    @Transactional
    public Subscription create(NewSubscription request, String createdBy) {
        WebhookAddresses.refusal(request.url(), allowPrivateAddresses, WebhookAddresses.SYSTEM).ifPresent(reason -> {
            throw ProblemException.invalid("url", reason);
        });
        if (request.needId() != null && needs.find(request.needId()).isEmpty()) {
            throw ProblemException.invalid("needId", "no saved needs profile with id '" + request.needId() + "'");
        }
        Subscription subscription = new Subscription(UUID.randomUUID(), request.url(), request.needId(), request.mode(),
                createdBy, time.nowUtc(), WebhookSignature.newSecret());
        deliveries.insert(subscription);
        return subscription;
    }

    @Transactional
    public Subscription find(UUID id) {
        return deliveries.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public void delete(UUID id) {
        if (!deliveries.delete(id)) {
            throw notFound(id);
        }
    }

    @Transactional
    public List<SubscriptionRepository.Positioned> deliveries(UUID id, long afterSeq, int limit) {
        find(id);
        return deliveries.page(id, afterSeq, limit);
    }

    static ProblemException notFound(Object id) {
        return ProblemException.notFound("No subscription with id '" + id + "'.");
    }
}
