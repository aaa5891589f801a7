package org.citycoop.matching.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.citycoop.matching.needs.NeedService;
import org.citycoop.matching.needs.NeedStore;
import org.citycoop.matching.readmodel.EventJson;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.readmodel.SchemeStore;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.storage.DatabaseTime;
import org.hibernate.query.NativeQuery;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
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
    EntityManager entityManager;

    @Inject
    EventJson json;

    @Inject
    NeedStore needs;

    @Inject
    SchemeStore schemes;

    /** What is stored of a plan. */
    record Stored(SchemeData scheme, Map<Integer, OffsetDateTime> done) {
    }

    /** @throws ProblemException 404 unknown need; 422 when the read model has no such scheme */
    @Transactional
    public ApplicationPlan create(UUID needId, NewApplicationPlan request) {
        needs.find(needId).orElseThrow(() -> NeedService.notFound(needId));
        SchemeData scheme = schemes.find(request.schemeId())
                .orElseThrow(() -> ProblemException.invalid("schemeId", "no scheme with id '" + request.schemeId() + "' is known"));
        UUID id = UUID.randomUUID();
        OffsetDateTime now = time.nowUtc();
        entityManager.createNativeQuery("""
                        INSERT INTO application_plan (id, need_id, scheme_id, plan, version, created_at)
                        VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), 1, ?5)""")
                .unwrap(NativeQuery.class)
                .setParameter(1, id, UUID.class)
                .setParameter(2, needId, UUID.class)
                .setParameter(3, scheme.id(), String.class)
                .setParameter(4, json.write(new Stored(scheme, Map.of())), String.class)
                .setParameter(5, now, OffsetDateTime.class)
                .executeUpdate();
        return find(needId, id);
    }

    @Transactional
    public ApplicationPlan find(UUID needId, UUID planId) {
        Object[] row = row(needId, planId, false);
        return view(needId, planId, read((String) row[0]), ((Number) row[1]).longValue(), DatabaseTime.utc(row[2]));
    }

    /**
     * Marks step {@code number} (1-based) done or not done.
     *
     * @throws ProblemException 404 unknown need, plan or step
     */
    @Transactional
    public ApplicationPlan markStep(UUID needId, UUID planId, int number, boolean done) {
        Object[] row = row(needId, planId, true);
        Stored stored = read((String) row[0]);
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
        long version = ((Number) row[1]).longValue() + 1;
        entityManager.createNativeQuery("UPDATE application_plan SET plan = CAST(?2 AS jsonb), version = ?3 WHERE id = ?1")
                .unwrap(NativeQuery.class)
                .setParameter(1, planId, UUID.class)
                .setParameter(2, json.write(new Stored(stored.scheme(), marks)), String.class)
                .setParameter(3, version, Long.class)
                .executeUpdate();
        return view(needId, planId, new Stored(stored.scheme(), marks), version, DatabaseTime.utc(row[2]));
    }

    private Object[] row(UUID needId, UUID planId, boolean lock) {
        List<?> rows = entityManager.createNativeQuery("SELECT CAST(plan AS text), version, created_at FROM application_plan"
                        + " WHERE id = ?1 AND need_id = ?2" + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, planId).setParameter(2, needId).getResultList();
        if (rows.isEmpty()) {
            throw notFound(planId);
        }
        return (Object[]) rows.get(0);
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
