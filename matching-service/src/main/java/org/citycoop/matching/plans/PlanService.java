package org.citycoop.matching.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.matching.readmodel.EventJson;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.readmodel.SchemeRepository;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.storage.DatabaseTime;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Application plans (table {@code application_plan}): the stored part is the chosen scheme (a snapshot, used
 * when the scheme has left the read model) and the steps marked done; the checklist is computed when read.
 */
@ApplicationScoped
public class PlanService {

    @Inject
    DatabaseTime time;

    @Inject
    PlanRepository plans;

    @Inject
    EventJson json;


    @Inject
    SchemeRepository schemes;

    /** What is stored of a plan. */
    record Stored(SchemeData scheme, Map<Integer, OffsetDateTime> done) {
    }

    /**
     * Makes a plan for a need the caller may see ({@link org.citycoop.matching.needs.NeedAccess#require}).
     *
     * @throws ProblemException 422 when the read model has no such scheme; 404 when the need was deleted meanwhile
     */
    @Transactional
    public ApplicationPlan create(UUID needId, NewApplicationPlan request) {
        SchemeData scheme = schemes.find(request.schemeId())
                .orElseThrow(() -> ProblemException.invalid("schemeId", "no scheme with id '" + request.schemeId() + "' is known"));
        UUID id = UUID.randomUUID();
        OffsetDateTime now = time.nowUtc();
        if (!plans.insert(id, needId, scheme.id(), json.write(new Stored(scheme, Map.of())), now)) {
            throw org.citycoop.matching.needs.NeedService.notFound(needId); // deleted since the caller's access was checked
        }
        return find(needId, id);
    }

    @Transactional
    public ApplicationPlan find(UUID needId, UUID planId) {
        PlanRepository.Row row = row(needId, planId, false);
        return view(needId, planId, read(row.plan()), row.version(), row.createdAt());
    }

    /**
     * Marks step {@code number} (1-based) done or not done.
     *
     * @throws ProblemException 404 unknown need, plan or step
     */
    @Transactional
    public ApplicationPlan markStep(UUID needId, UUID planId, int number, boolean done) {
        PlanRepository.Row row = row(needId, planId, true);
        Stored stored = read(row.plan());
        SchemeData scheme = current(stored.scheme());
        if (number < 1 || number > scheme.processSteps().size()) {
            throw ProblemException.notFound("The plan has no step " + number + (scheme.processSteps().isEmpty()
                    ? ": the agency publishes no process steps for this scheme."
                    : "; its steps are numbered 1 to " + scheme.processSteps().size() + "."));
        }
        Map<Integer, OffsetDateTime> marks = new TreeMap<>(stored.done());
        if (done) {
            marks.putIfAbsent(number, time.nowUtc());
        } else {
            marks.remove(number);
        }
        long version = row.version() + 1;
        plans.update(planId, json.write(new Stored(stored.scheme(), marks)), version);
        return view(needId, planId, new Stored(stored.scheme(), marks), version, row.createdAt());
    }

    private PlanRepository.Row row(UUID needId, UUID planId, boolean lock) {
        return plans.find(needId, planId, lock).orElseThrow(() -> notFound(planId));
    }

    /** The scheme as the read model holds it now, or the snapshot when it is gone. */
    private SchemeData current(SchemeData snapshot) {
        return schemes.find(snapshot.id()).orElse(snapshot);
    }

    private ApplicationPlan view(UUID needId, UUID planId, Stored stored, long version, OffsetDateTime createdAt) {
        SchemeData scheme = current(stored.scheme());
        ApplicationPlans.Plan plan = ApplicationPlans.plan(scheme, stored.done(), time.now());
        return new ApplicationPlan(planId, needId, new ApplicationPlan.SchemeRef(scheme.id(), scheme.agencyId(), scheme.ref(), scheme.name()),
                plan.deadline(), plan.startBy(), plan.reachable(), plan.warnings(), plan.steps(), version, createdAt);
    }

    private Stored read(String data) {
        try {
            return json.read(data, Stored.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored plan cannot be read", e);
        }
    }

    static ProblemException notFound(Object id) {
        return ProblemException.notFound("No application plan with id '" + id + "' for this needs profile.");
    }
}
