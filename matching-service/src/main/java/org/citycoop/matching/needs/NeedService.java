package org.citycoop.matching.needs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.matching.alerts.AlertRepository;
import org.citycoop.matching.alerts.NeedEvaluator;
import org.citycoop.platform.idempotency.IdempotencyKeys;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.storage.DatabaseTime;
import org.citycoop.platform.web.EntityTags;
import org.citycoop.platform.vocabulary.SectorCodelist;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Saves, changes and deletes needs profiles. Saving or changing one records what it matches now as the
 * baseline of its alerts ({@link NeedEvaluator#baseline}), without raising any.
 */
@ApplicationScoped
public class NeedService {

    @Inject
    DatabaseTime time;

    @Inject
    NeedRepository needs;

    @Inject
    SectorCodelist sectorCodelist;

    @Inject
    NeedEvaluator evaluator;

    @Inject
    AlertRepository alerts;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    NeedAccess access;

    /** The Idempotency-Keys of POST /v1/needs, deleted with the need they created. */
    static final IdempotencyKeys.Table IDEMPOTENCY_KEYS = new IdempotencyKeys.Table("need_idempotency_key", "need_id", "needs profile");

    /**
     * The outcome of a create.
     *
     * @param need the saved need
     * @param replayed true when an earlier request with the same Idempotency-Key created it
     */
    public record Created(Need need, boolean replayed) {
    }

    /**
     * Saves a needs profile (version 1).
     *
     * @param idempotencyKey the request's Idempotency-Key (checked by {@link IdempotencyKeys#check}), or null
     * @param createdBy the caller's principal name
     * @throws ProblemException 422 when a rule of {@link org.citycoop.matching.scoring.NeedsProfile#violations}
     *     fails; 409 when the key was used with another body
     */
    @Transactional
    public Created create(NewNeed request, String idempotencyKey, String createdBy) {
        OffsetDateTime now = time.nowUtc();
        UUID id = UUID.randomUUID();
        // keys are the caller's own: another client's request with the same key is a request of its own
        Optional<UUID> earlier = idempotencyKeys.claim(IDEMPOTENCY_KEYS, createdBy, idempotencyKey, request, id, now.toInstant());
        if (earlier.isPresent()) {
            return new Created(find(earlier.get()), true);
        }
        // checked after a replay is recognised: a request accepted once is answered the same way when repeated, even if a
        // code it names has been withdrawn since (the transaction, and with it the key's claim, rolls back on a 422)
        check(request);
        Need need = new Need(id, request.name(), createdBy, request.profile(), 1, now, now);
        needs.insert(need);
        evaluator.baseline(need);
        return new Created(need, false);
    }

    @Transactional
    public Need find(UUID id) {
        return needs.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public List<Need> page(String cityId, NeedAccess.Visibility visibility, NeedRepository.Position after, int limit) {
        return needs.page(cityId, visibility, after, limit);
    }

    /**
     * Replaces the name and profile; the version grows by one and the alert baseline is recorded again.
     * Sending the stored content again changes nothing and needs no If-Match.
     *
     * @throws ProblemException 404 unknown or not the caller's ({@link NeedAccess}); 403/422 naming {@code cityId}
     *     for a city editor's other city; 428 without If-Match; 412 when it names another version; 422 invalid
     */
    @Transactional
    public Need update(UUID id, NewNeed request, String ifMatch) {
        Need current = needs.findForUpdate(id).filter(access::allows).orElseThrow(() -> notFound(id));
        access.requireMayCreateFor(request.profile().cityId());
        boolean changes = !current.name().equals(request.name()) || !current.profile().equals(request.profile());
        EntityTags.checkPrecondition(ifMatch, current.version(), changes);
        if (!changes) {
            return current; // the stored content, even if a code it names has been withdrawn since it was saved
        }
        check(request);
        Need updated = new Need(id, request.name(), current.createdBy(), request.profile(), current.version() + 1,
                current.createdAt(), time.nowUtc());
        needs.update(updated);
        evaluator.baseline(updated);
        return updated;
    }

    /** Deletes the need with its match state, alerts, plans and subscriptions. */
    @Transactional
    public void delete(UUID id) {
        if (!needs.delete(id)) {
            throw notFound(id);
        }
    }

    /** A page of the need's alerts, oldest first; the caller has checked it may see the need ({@link NeedAccess#require}). */
    @Transactional
    public List<AlertRepository.Stored> alerts(UUID id, long afterSeq, int limit) {
        return alerts.page(id, afterSeq, limit);
    }

    public static ProblemException notFound(Object id) {
        return ProblemException.notFound("No saved needs profile with id '" + id + "'.");
    }

    private void check(NewNeed request) {
        List<Problem.FieldError> violations = request.profile().violations(sectorCodelist);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

}
