package org.citycoop.twinning.arrangement;

import org.citycoop.twinning.vocabulary.TwinningStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.platform.idempotency.IdempotencyKeys;
import org.citycoop.platform.storage.DatabaseTime;
import org.citycoop.platform.web.EntityTags;
import org.citycoop.platform.problem.Problem.FieldError;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.problem.ProblemTypes;
import org.citycoop.twinning.city.City;
import org.citycoop.twinning.funding.SchemeData;
import org.citycoop.twinning.funding.SchemeRepository;
import org.citycoop.twinning.city.CityRepository;
import org.citycoop.twinning.vocabulary.ChallengeArea;
import org.citycoop.platform.vocabulary.SectorCodelist;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Proposes twinning arrangements, moves them through their lifecycle ({@link TwinningStatus}) and records
 * their activities, outcome indicators and evaluation. Each change bumps the version and is written to the
 * outbox in the same transaction ({@link TwinningEvents}); status changes are also recorded in the audit
 * with who made them ({@link TwinningAccess#changedBy}: the API client of the request).
 */
@ApplicationScoped
public class TwinningService {

    @Inject
    DatabaseTime time;

    @Inject
    TwinningRepository arrangements;

    @Inject
    CityRepository cities;

    @Inject
    IdempotencyKeys idempotencyKeys;

    /** The Idempotency-Keys of POST /v1/twinnings, deleted with the arrangement they created. */
    static final IdempotencyKeys.Table IDEMPOTENCY_KEYS =
            new IdempotencyKeys.Table("twinning_idempotency_key", "arrangement_id", "arrangement");

    @Inject
    SectorCodelist sectors;

    @Inject
    TwinningEvents events;

    @Inject
    TwinningAccess access;

    @Inject
    SchemeRepository schemes;

    /**
     * The outcome of a create.
     *
     * @param twinning the arrangement, with its history
     * @param replayed true when an earlier request with the same {@code Idempotency-Key} created it
     */
    public record Created(Twinning twinning, boolean replayed) {
    }

    /**
     * Proposes an arrangement (status PROPOSED, version 1) and publishes {@code created.v1}.
     *
     * @param idempotencyKey the request's {@code Idempotency-Key} (checked by {@link IdempotencyKeys#check}), or null
     * @throws ProblemException 422 when a rule of {@link TwinningRules} fails; 409 when the key was used
     *     with another body
     */
    @Transactional
    public Created create(NewTwinning request, String idempotencyKey) {
        Instant now = time.now();
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(IDEMPOTENCY_KEYS, access.changedBy(), idempotencyKey, request, id, now);
        if (earlier.isPresent()) {
            return new Created(find(earlier.get()), true);
        }
        Map<String, City> registered = cities.findByIds(request.cities().stream()
                .map(NewTwinning.CityParticipation::cityId).collect(Collectors.toSet()));
        List<FieldError> errors = TwinningRules.check(request, registered.keySet(), sectors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        TwinningArrangement arrangement = TwinningArrangement.propose(id, request, now);
        arrangements.persist(arrangement);
        arrangements.recordTransition(new StatusTransition(id, null, TwinningStatus.PROPOSED, now, access.changedBy()));
        Twinning twinning = view(arrangement, registered, arrangements.history(id));
        events.created(twinning);
        return new Created(twinning, false);
    }

    /**
     * Moves an arrangement to another status and publishes {@code updated.v1}.
     *
     * @throws ProblemException 404 when unknown; 409 naming the current status and the allowed targets when
     *     the lifecycle does not allow the move
     */
    @Transactional
    public Twinning transition(UUID id, TwinningStatus target, String ifMatch) {
        TwinningArrangement arrangement = changeable(id);
        EntityTags.checkIfSent(ifMatch, arrangement.version());
        TwinningStatus current = arrangement.status();
        if (!current.canMoveTo(target)) {
            throw invalidTransition(current, target);
        }
        Instant now = time.now();
        arrangement.moveTo(target, now);
        arrangements.recordTransition(new StatusTransition(id, current, target, now, access.changedBy()));
        Twinning twinning = view(arrangement, citiesOf(List.of(arrangement)), arrangements.history(id));
        events.updated(twinning);
        return twinning;
    }

    /**
     * The outcome of a PUT of a part of an arrangement.
     *
     * @param twinning the arrangement afterwards, with its history
     * @param created true when nothing was held under the ref before
     */
    public record Put(Twinning twinning, boolean created) {
    }

    /**
     * Records an activity under {@code ref} (or replaces the one held there) and publishes {@code updated.v1};
     * sending the same activity again changes nothing and publishes nothing.
     *
     * @throws ProblemException 404 when the arrangement is unknown; 422 naming the field when a rule of
     *     {@link ContentRules} fails; 428/412 when an existing activity is changed without a current If-Match
     */
    @Transactional
    public Put putActivity(UUID id, String ref, ActivityRequest request, String ifMatch) {
        requireRef(ref);
        TwinningArrangement arrangement = changeable(id);
        List<FieldError> errors = ContentRules.check(request, arrangement.cities().stream()
                .map(Participant::cityId).collect(Collectors.toCollection(java.util.TreeSet::new)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Activity activity = request.toActivity(ref);
        Optional<Activity> held = arrangement.activities().stream().filter(a -> a.ref().equals(ref)).findFirst();
        EntityTags.checkPrecondition(ifMatch, (long) arrangement.version(), held.isPresent() && !held.get().equals(activity));
        return new Put(saved(arrangement, arrangement.putActivity(activity, time.now())), held.isEmpty());
    }

    /**
     * Records an outcome indicator under {@code ref} (or replaces the one held there) and publishes
     * {@code updated.v1}; the same indicator again changes nothing.
     *
     * @throws ProblemException as {@link #putActivity}
     */
    @Transactional
    public Put putOutcome(UUID id, String ref, OutcomeRequest request, String ifMatch) {
        requireRef(ref);
        TwinningArrangement arrangement = changeable(id);
        List<FieldError> errors = ContentRules.check(request);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        OutcomeIndicator indicator = request.toIndicator(ref);
        Optional<OutcomeIndicator> held = arrangement.outcomes().stream().filter(o -> o.ref().equals(ref)).findFirst();
        EntityTags.checkPrecondition(ifMatch, (long) arrangement.version(), held.isPresent() && !held.get().equals(indicator));
        return new Put(saved(arrangement, arrangement.putOutcome(indicator, time.now())), held.isEmpty());
    }

    /**
     * Records the evaluation summary and publishes {@code updated.v1}; the same summary again changes nothing.
     *
     * @throws ProblemException as {@link #putActivity}
     */
    @Transactional
    public Put putEvaluation(UUID id, EvaluationRequest request, String ifMatch) {
        TwinningArrangement arrangement = changeable(id);
        List<FieldError> errors = ContentRules.check(request);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Evaluation evaluation = request.toEvaluation();
        Evaluation held = arrangement.evaluation();
        EntityTags.checkPrecondition(ifMatch, (long) arrangement.version(), held != null && !held.equals(evaluation));
        return new Put(saved(arrangement, arrangement.evaluate(evaluation, time.now())), held == null);
    }

    /**
     * Removes the activity ({@code outcome} false) or outcome indicator ({@code outcome} true) under {@code ref}
     * and publishes {@code updated.v1}.
     *
     * @throws ProblemException 404 when the arrangement or the ref is unknown; 412 on a stale If-Match
     */
    @Transactional
    public Twinning remove(UUID id, String ref, boolean outcome, String ifMatch) {
        TwinningArrangement arrangement = changeable(id);
        EntityTags.checkIfSent(ifMatch, arrangement.version());
        boolean removed = outcome ? arrangement.removeOutcome(ref, time.now()) : arrangement.removeActivity(ref, time.now());
        if (!removed) {
            throw ProblemException.notFound("The arrangement has no " + (outcome ? "outcome indicator" : "activity")
                    + " with ref '" + ref + "'.");
        }
        return saved(arrangement, true);
    }

    /**
     * Links a catalogue scheme that funds the arrangement and publishes {@code updated.v1}; linking the same
     * scheme again changes nothing.
     *
     * @throws ProblemException 404 when the arrangement is unknown; 422 naming {@code schemeId} when the read model
     *     does not know the scheme or it is withdrawn
     */
    @Transactional
    public Put linkFunding(UUID id, FundingLinkRequest request) {
        TwinningArrangement arrangement = changeable(id);
        SchemeData scheme = schemes.find(request.schemeId()).orElseThrow(() -> ProblemException.invalid("schemeId",
                "no scheme '" + request.schemeId() + "' in the catalogue as this service knows it (from catalog.schemes); "
                        + "find one with GET /v1/schemes"));
        if (scheme.status() == SchemeData.SchemeStatus.WITHDRAWN) {
            throw ProblemException.invalid("schemeId", "scheme '" + scheme.id() + "' (" + scheme.name() + ") was withdrawn by its agency");
        }
        Instant now = time.now();
        boolean linked = arrangement.linkFunding(new FundingLink(scheme.id(), scheme.agencyId(), scheme.name(), request.note(),
                now, null, null), now);
        return new Put(saved(arrangement, linked), linked);
    }

    /**
     * Flags every arrangement's links to schemes that were withdrawn or closed (scheme id to flag, from one poll of
     * {@code catalog.schemes}), and publishes {@code funding-flagged.v1} once for each arrangement that changed.
     *
     * @return how many arrangements were flagged
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int flagFunding(Map<String, FundingLink.Flag> flags) {
        if (flags.isEmpty()) {
            return 0;
        }
        int flagged = 0;
        for (UUID id : arrangements.fundedByAny(flags.keySet())) {
            TwinningArrangement arrangement = arrangements.findForUpdate(id).orElseThrow();
            boolean changed = false;
            for (Map.Entry<String, FundingLink.Flag> flag : flags.entrySet()) {
                changed |= arrangement.flagFunding(flag.getKey(), flag.getValue(), time.now());
            }
            if (changed) {
                Twinning twinning = view(arrangement, citiesOf(List.of(arrangement)), null);
                events.fundingFlagged(twinning);
                flagged++;
            }
        }
        return flagged;
    }

    /** The arrangement's view after a change; publishes {@code updated.v1} when {@code changed}. */
    private Twinning saved(TwinningArrangement arrangement, boolean changed) {
        Twinning twinning = view(arrangement, citiesOf(List.of(arrangement)), arrangements.history(arrangement.id()));
        if (changed) {
            events.updated(twinning);
        }
        return twinning;
    }

    /** The arrangement locked for a change the caller may make ({@link TwinningAccess}); 404 when unknown. */
    private TwinningArrangement changeable(UUID id) {
        TwinningArrangement arrangement = arrangements.findForUpdate(id).orElseThrow(() -> notFound(id));
        access.requireMayChange(arrangement);
        return arrangement;
    }

    private static void requireRef(String ref) {
        FieldError problem = ContentRules.checkRef(ref);
        if (problem != null) {
            throw ProblemException.invalid(List.of(problem));
        }
    }

    /** One arrangement with its history. */
    @Transactional
    public Twinning find(UUID id) {
        TwinningArrangement arrangement = arrangements.findByIdOptional(id).orElseThrow(() -> notFound(id));
        return view(arrangement, citiesOf(List.of(arrangement)), arrangements.history(id));
    }

    /** One page of arrangements (without history), newest first; see {@link TwinningRepository#page}. */
    @Transactional
    public List<Twinning> page(String cityId, TwinningStatus status, TwinningRepository.Position after, int limit) {
        List<TwinningArrangement> found = arrangements.page(cityId, status, after, limit);
        Map<String, City> registered = citiesOf(found);
        return found.stream().map(arrangement -> view(arrangement, registered, null)).toList();
    }

    /** Every arrangement (without history) with at least one of {@code themes}, oldest first. */
    @Transactional
    public List<Twinning> withAnyTheme(Collection<ChallengeArea> themes) {
        List<TwinningArrangement> found = arrangements.withAnyTheme(themes);
        Map<String, City> registered = citiesOf(found);
        return found.stream().map(arrangement -> view(arrangement, registered, null)).toList();
    }

    /** Every arrangement (without history) the city takes part in, newest first. */
    @Transactional
    public List<Twinning> ofCity(String cityId) {
        return page(cityId, null, null, Integer.MAX_VALUE);
    }

    private Map<String, City> citiesOf(List<TwinningArrangement> found) {
        return cities.findByIds(found.stream().flatMap(a -> a.cities().stream()).map(Participant::cityId)
                .collect(Collectors.toSet()));
    }

    private static Twinning view(TwinningArrangement arrangement, Map<String, City> registered, List<StatusTransition> history) {
        List<Twinning.TwinnedCity> twinned = arrangement.cities().stream().map(participant -> {
            City city = registered.get(participant.cityId());
            return new Twinning.TwinnedCity(participant.cityId(), city.name(), city.country(), participant.role());
        }).toList();
        return new Twinning(arrangement.id(), arrangement.title(), arrangement.kind(), twinned, arrangement.themes(),
                arrangement.sectors(), arrangement.status(), arrangement.period(), arrangement.summary(),
                arrangement.sourceUrl(), arrangement.version(), arrangement.createdAt(), arrangement.updatedAt(),
                arrangement.activities(), arrangement.outcomes(), arrangement.evaluation(), arrangement.fundingLinks(),
                arrangement.provenance(),
                history == null ? null : history.stream().map(StatusTransition::toStatusChange).toList());
    }

    static ProblemException notFound(Object id) {
        return ProblemException.notFound("No twinning arrangement with id '" + id + "'.");
    }

    private static ProblemException invalidTransition(TwinningStatus current, TwinningStatus target) {
        String allowed = current.isFinal()
                ? "none: " + current + " is final"
                : current.allowedTargets().stream().map(Enum::name).collect(Collectors.joining(", "));
        String detail = "The arrangement is " + current + " and cannot move to " + target + "; allowed targets: " + allowed + ".";
        return new ProblemException(409, ProblemTypes.CONFLICT, "Transition not allowed", detail,
                List.of(new FieldError("to", "current status " + current + "; allowed targets: " + allowed)));
    }

}
