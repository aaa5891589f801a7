package org.citycoop.matching.subscriptions;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.matching.needs.NeedAccess;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.security.Caller;
import org.citycoop.platform.web.PathIds;

import java.util.UUID;

/**
 * Who may see and delete a webhook subscription and read its deliveries (OWASP API Security Top 10 2023, API1
 * object-level authorization): the secretariat admin and the API client that registered it. Anyone else is told
 * it does not exist (404). A subscription to one saved needs profile needs a profile the caller may see
 * ({@link NeedAccess}); another is refused as unknown (422 naming {@code needId}). What the caller may see is kept with
 * the subscription ({@link #sees}): an alert goes only to subscriptions whose owner may still see its need.
 */
@RequestScoped
public class SubscriptionAccess {

    @Inject
    Caller caller;

    @Inject
    NeedAccess needs;

    @Inject
    SubscriptionRepository subscriptions;

    /** The name recorded as the owner of what the caller registers (the token's subject). */
    public String owner() {
        return caller.name();
    }

    /** What the caller may see of the saved needs, kept with its subscription (null: all of them). */
    public NeedAccess.Visibility sees() {
        return needs.visibility();
    }

    /** Passes when {@code needId} is null (every alert) or names a profile the caller may see; else 422. */
    public void requireMaySubscribeTo(UUID needId) {
        if (needId != null && needs.visible(needId).isEmpty()) {
            throw ProblemException.invalid("needId", "no saved needs profile with id '" + needId + "'");
        }
    }

    /** True when the caller may see and delete {@code subscription}. */
    public boolean allows(Subscription subscription) {
        return caller.isAdmin() || subscription.createdBy().equals(caller.name());
    }

    /** The subscription with this path id, or the 404 problem of an unknown id when it is malformed, missing or not the caller's. */
    @Transactional
    public Subscription require(String id) {
        UUID uuid = PathIds.uuid(id, SubscriptionService.notFound(id).getMessage());
        return subscriptions.find(uuid).filter(this::allows).orElseThrow(() -> SubscriptionService.notFound(id));
    }
}
