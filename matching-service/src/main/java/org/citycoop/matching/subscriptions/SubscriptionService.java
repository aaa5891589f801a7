package org.citycoop.matching.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.storage.DatabaseTime;

import java.util.List;
import java.util.UUID;

/** Registers webhook subscriptions and reads their delivery log. */
@ApplicationScoped
public class SubscriptionService {

    @Inject
    DatabaseTime time;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    WebhookConfig config;

    /**
     * Registers a webhook with a new secret (returned only here).
     *
     * @throws ProblemException 422 when the URL is not http(s), cannot be resolved or resolves to a private,
     *     loopback or link-local address (unless allowed); the caller's right to {@code needId} is
     *     {@link SubscriptionAccess}'s
     */
    @Transactional
    public Subscription create(NewSubscription request, String createdBy, org.citycoop.matching.needs.NeedAccess.Visibility owner) {
        WebhookAddresses.refusal(request.url(), config.allowPrivateAddresses(), WebhookAddresses.SYSTEM).ifPresent(reason -> {
            throw ProblemException.invalid("url", reason);
        });
        Subscription subscription = new Subscription(UUID.randomUUID(), request.url(), request.needId(), request.mode(),
                createdBy, time.nowUtc(), WebhookSignature.newSecret());
        if (!subscriptions.insert(subscription, owner)) { // its need was deleted since the caller's access was checked
            throw ProblemException.invalid("needId", "no saved needs profile with id '" + request.needId() + "'");
        }
        return subscription;
    }

    @Transactional
    public void delete(UUID id) {
        if (!subscriptions.delete(id)) {
            throw notFound(id);
        }
    }

    /** A page of a subscription's deliveries; the caller has checked it may see it ({@link SubscriptionAccess#require}). */
    @Transactional
    public List<SubscriptionRepository.Positioned> deliveries(UUID id, long afterSeq, int limit) {
        return subscriptions.page(id, afterSeq, limit);
    }

    static ProblemException notFound(Object id) {
        return ProblemException.notFound("No subscription with id '" + id + "'.");
    }
}
