package org.citycoop.catalog.scheme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.catalog.agency.AgencyRepository;
import org.citycoop.catalog.changes.ChangeFeedRepository;
import org.citycoop.catalog.changes.ChangeSubject;
import org.citycoop.catalog.changes.ChangeType;
import org.citycoop.catalog.history.SchemeHistoryRepository;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.platform.storage.DatabaseTime;
import org.citycoop.platform.web.EntityTags;
import org.citycoop.platform.security.Caller;
import org.citycoop.catalog.web.Upserted;
import org.citycoop.platform.outbox.OutboxEvent;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Facets;
import org.citycoop.platform.paging.Keyset;
import org.citycoop.platform.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes the schemes agencies push (idempotent upserts keyed by agency and ref), reads and filters them,
 * and publishes each change on {@code catalog.schemes} (key = scheme id) through the outbox and keeps
 * each version in the scheme's history ({@link SchemeHistoryRepository}), in the same transaction.
 */
@ApplicationScoped
public class SchemeService {

    @Inject
    SchemeFacetIndex facetIndex;

    @Inject
    DatabaseTime time;

    @Inject
    SchemeRepository schemes;

    @Inject
    AgencyRepository agencies;

    @Inject
    SchemeEvents schemeEvents;

    @Inject
    SchemeHistoryRepository history;

    @Inject
    ChangeFeedRepository changeFeed;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper mapper;

    private final SchemeRules rules;

    @Inject
    SchemeService(Vocabularies vocabularies) {
        this.rules = new SchemeRules(vocabularies);
    }

    /**
     * Creates the scheme, or changes it when the normalised content differs from what is stored; the same
     * content again changes nothing (same version, no event).
     *
     * @param ifMatch the {@code If-Match} header, or null; required to change an existing scheme
     * @throws ProblemException 404 unknown agency, 422 invalid content, 428/412 precondition
     */
    @Transactional
    public Upserted<SchemeView> upsert(String agencyId, String ref, SchemeContent request, String ifMatch) {
        PushResult result = upsertAll(agencyId, List.of(new SchemePush(ref, request, ifMatch))).get(0);
        if (result.refused() != null) {
            throw result.refused();
        }
        return result.done();
    }

    /**
     * Applies schemes one agency pushes, in order, each as {@link #upsert} would, in the caller's transaction:
     * the stored schemes are read in one query, and the new versions' rows, events, history entries and change-feed
     * lines are written in a few JDBC batches at the end (the cost of a batch upload is per group, not per item).
     * A push that is refused (422 invalid content, 428/412 precondition) writes nothing and does not stop the others.
     * The same ref twice in one list is applied twice, the second seeing the first.
     *
     * @return what became of each push, in the same order
     * @throws ProblemException 404 when the agency does not exist (nothing applied)
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public List<PushResult> upsertAll(String agencyId, List<SchemePush> pushes) {
        if (!agencies.lockForSchemeChange(agencyId)) {
            throw ProblemException.notFound("No agency '" + agencyId + "'; create it first with PUT /v1/agencies/" + agencyId + ".");
        }
        Map<String, Scheme> stored = new HashMap<>();
        schemes.findByAgencyAndRefs(agencyId, pushes.stream().map(SchemePush::ref).distinct().toList())
                .forEach(scheme -> stored.put(scheme.ref, scheme));
        Instant now = time.now();
        List<PushResult> results = new ArrayList<>(pushes.size());
        List<NewVersion> newVersions = new ArrayList<>();
        for (SchemePush push : pushes) {
            try {
                SchemeContent content = rules.normalise(push.content());
                Scheme scheme = stored.get(push.ref());
                // Pushing a withdrawn scheme again offers it again: a change, even with the same content.
                boolean changes = scheme == null || scheme.isWithdrawn() || !scheme.content().equals(content);
                EntityTags.checkPrecondition(push.ifMatch(), scheme == null ? null : scheme.version, changes);
                Upserted.Outcome outcome;
                if (!changes) {
                    outcome = Upserted.Outcome.UNCHANGED;
                } else if (scheme == null) {
                    scheme = Scheme.create(agencyId, push.ref(), content, now);
                    schemes.persist(scheme);
                    stored.put(push.ref(), scheme);
                    outcome = Upserted.Outcome.CREATED;
                } else {
                    scheme.update(content, now);
                    outcome = Upserted.Outcome.UPDATED;
                }
                SchemeView view = SchemeView.of(scheme, now);
                if (changes) {
                    newVersions.add(new NewVersion(scheme.id, scheme.agencyId, scheme.ref, scheme.version,
                            outcome == Upserted.Outcome.CREATED ? ChangeType.CREATED : ChangeType.UPDATED, view));
                }
                results.add(new PushResult(new Upserted<>(view, scheme.version, outcome), null));
            } catch (ProblemException refused) {
                results.add(new PushResult(null, refused));
            }
        }
        recordChanges(newVersions, now);
        return results;
    }

    /**
     * Withdraws a scheme: marks it withdrawn (status WITHDRAWN), next version, keeps it for history, and publishes
     * {@link SchemeEvents#WITHDRAWN}. Withdrawing a withdrawn scheme changes nothing (same version, no event). Conditional as
     * the upsert is: If-Match with the current ETag is needed to withdraw; a withdrawal sent again once the scheme is
     * withdrawn succeeds whatever If-Match it names (already applied, RFC 9110, 13.1.1).
     *
     * @param ifMatch the {@code If-Match} header, or null
     * @throws ProblemException 404 unknown agency or ref, 428 no If-Match, 412 stale If-Match
     */
    @Transactional
    public Upserted<SchemeView> withdraw(String agencyId, String ref, String ifMatch) {
        if (!agencies.lockForSchemeChange(agencyId)) {
            throw ProblemException.notFound("No agency '" + agencyId + "'.");
        }
        Scheme scheme = schemes.findByAgencyAndRef(agencyId, ref)
                .orElseThrow(() -> ProblemException.notFound("Agency " + agencyId + " has no scheme " + ref + "."));
        boolean changes = !scheme.isWithdrawn();
        EntityTags.checkPrecondition(ifMatch, scheme.version, changes);
        Instant now = time.now();
        SchemeView view;
        if (changes) {
            scheme.withdraw(now);
            view = SchemeView.of(scheme, now);
            recordChanges(List.of(new NewVersion(scheme.id, agencyId, ref, scheme.version, ChangeType.WITHDRAWN, view)), now);
        } else {
            view = SchemeView.of(scheme, now);
        }
        return new Upserted<>(view, scheme.version, changes ? Upserted.Outcome.UPDATED : Upserted.Outcome.UNCHANGED);
    }

    /**
     * Everything new versions of schemes leave behind, in the caller's transaction: their events (outbox), their
     * history entries and their lines in the change feed, each list in one JDBC batch. The schemes' own rows are
     * written first (a history entry refers to its scheme).
     */
    private void recordChanges(List<NewVersion> newVersions, Instant now) {
        if (newVersions.isEmpty()) {
            return;
        }
        schemes.flush();
        String changedBy = caller.name();
        List<OutboxEvent> events = new ArrayList<>(newVersions.size());
        List<SchemeHistoryRepository.SchemeVersion> versions = new ArrayList<>(newVersions.size());
        List<ChangeFeedRepository.ChangeLine> lines = new ArrayList<>(newVersions.size());
        for (NewVersion v : newVersions) {
            String id = v.schemeId().toString();
            // written once, the same JSON for the event and the history
            String representation = json(v.view());
            events.add(SchemeEvents.of(v.change(), id, representation));
            versions.add(new SchemeHistoryRepository.SchemeVersion(v.schemeId(), v.version(), v.change(), now, changedBy, representation));
            lines.add(new ChangeFeedRepository.ChangeLine(ChangeSubject.SCHEME, id, v.agencyId(), v.ref(), v.change(), v.version(), now));
        }
        schemeEvents.publishAll(events);
        history.recordAll(versions);
        changeFeed.recordAll(lines);
    }

    private String json(SchemeView view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Scheme " + view.id() + " cannot be serialised", e);
        }
    }

    /** A version a change made, with the scheme's representation at that version. */
    private record NewVersion(UUID schemeId, String agencyId, String ref, long version, ChangeType change, SchemeView view) {
    }

    /**
     * A scheme an agency pushes.
     *
     * @param ref the agency's own reference
     * @param ifMatch the ETag the agency holds, as {@code If-Match} gives it, or null
     */
    public record SchemePush(String ref, SchemeContent content, String ifMatch) {
    }

    /** What became of one push: the upsert's result, or the problem that refused it (then it changed nothing). */
    public record PushResult(Upserted<SchemeView> done, ProblemException refused) {
    }

    /** The scheme an agency holds under its own reference; 404 problem when there is none. */
    @Transactional
    public SchemeView getByRef(String agencyId, String ref) {
        return schemes.findByAgencyAndRef(agencyId, ref).map(scheme -> SchemeView.of(scheme, time.now()))
                .orElseThrow(() -> ProblemException.notFound("Agency " + agencyId + " has no scheme " + ref + "."));
    }

    /** @throws ProblemException 404 when there is no such scheme */
    @Transactional
    public SchemeView get(UUID id) {
        return schemes.findByIdOptional(id).map(scheme -> SchemeView.of(scheme, time.now()))
                .orElseThrow(() -> ProblemException.notFound("No scheme " + id + "."));
    }

    /**
     * One page of the schemes matching the filter, in the given order.
     *
     * @param cursor from the previous page's {@code next} link, or null for the first page; it must come from a
     *     list in the same order
     * @throws ProblemException 400 naming {@code cursor} when it was not made by a list in this order
     */
    @Transactional
    public SchemePage search(SchemeFilter filter, SchemeSort sort, String cursor, int limit) {
        SchemeRepository.Position after = position(cursor, sort);
        Instant now = time.now();
        List<Scheme> rows = schemes.search(filter, sort, after, limit, now);
        Keyset<Scheme> page = Keyset.of(rows, limit, last -> List.of(sort.name(), switch (sort) {
            case UPDATED -> last.updatedAt.toString();
            case DEADLINE -> last.windowDeadline == null ? "" : last.windowDeadline.toString();
            case RELEVANCE -> Double.toString(schemes.relevance(last.id, filter.text()));
        }, last.id.toString()));
        return new SchemePage(page.items().stream().map(scheme -> SchemeView.of(scheme, now)).toList(), page.cursor());
    }

    /**
     * Counts, for each facet asked for, how many schemes have each value (most frequent first, then by value) among
     * those matching every filter but the facet's own, so that the counts of a facet stay the same whichever of its
     * values are chosen; and how many match the whole filter.
     */
    public Facets facets(SchemeFilter filter, List<SchemeFacet> facets) {
        // Rarely, another request moves the index past this one's snapshot: count again in a newer snapshot (at the
        // fifth attempt, with the index as it is).
        for (int attempt = 1; ; attempt++) {
            boolean lastAttempt = attempt == 5;
            Facets counted = QuarkusTransaction.requiringNew().call(() -> facetsInOneSnapshot(filter, facets, lastAttempt));
            if (counted != null) {
                return counted;
            }
        }
    }

    /**
     * The facets counted with the values of the snapshot that finds the matching schemes ({@link SchemeFacetIndex}), or
     * null when the index has moved past that snapshot (unless {@code anyway}).
     */
    private Facets facetsInOneSnapshot(SchemeFilter filter, List<SchemeFacet> facets, boolean anyway) {
        schemes.readOneSnapshot();
        long position = schemes.lastChange();
        Instant now = time.now();
        // PostgreSQL finds the schemes of the filters only it evaluates; the index the code filters, each facet without its own
        SchemeFilter database = filter.databaseOnly();
        int[] within = database.equals(SchemeFilter.none()) ? null : schemes.ordinals(database, now);
        while (true) {
            long seen = facetIndex.seen();
            if (seen < position) {
                SchemeRepository.FacetValues changed = schemes.facetValuesChangedAfter(seen, position);
                facetIndex.apply(changed.readAfter(), changed.position(), changed.entries());
                continue;
            }
            if (seen > position && !anyway) {
                return null;
            }
            Facets counted = facetIndex.count(anyway ? null : position, within, filter, facets, now);
            if (counted != null) {
                return counted;
            }
        }
    }

    /**
     * The schemes matching the filter after a position, most recently changed first, in a transaction of their own:
     * the export reads the whole result in such batches, never all of it at once.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<SchemeView> batchAfter(SchemeFilter filter, SchemeView after, int size) {
        Instant now = time.now();
        SchemeRepository.Position position = after == null ? null
                : new SchemeRepository.Position(after.updatedAt().toInstant(), null, null, after.id());
        List<Scheme> rows = schemes.search(filter, SchemeSort.UPDATED, position, size, now);
        return rows.stream().limit(size).map(scheme -> SchemeView.of(scheme, now)).toList();
    }

    private static SchemeRepository.Position position(String cursor, SchemeSort sort) {
        List<String> parts = Cursor.decode(cursor, 3);
        if (parts == null) {
            return null;
        }
        try {
            if (!sort.name().equals(parts.get(0))) {
                throw new IllegalArgumentException("cursor of another order");
            }
            UUID id = UUID.fromString(parts.get(2));
            String key = parts.get(1);
            return switch (sort) {
                case UPDATED -> new SchemeRepository.Position(Cursor.instant(key), null, null, id);
                case DEADLINE -> new SchemeRepository.Position(null, key.isEmpty() ? null : Cursor.instant(key), null, id);
                case RELEVANCE -> new SchemeRepository.Position(null, null, Double.parseDouble(key), id);
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "not a cursor returned by this list in this order; start again without it");
        }
    }

    /** A page of schemes and the cursor of the next one (null on the last page). */
    public record SchemePage(List<SchemeView> items, String nextCursor) {
    }
}
