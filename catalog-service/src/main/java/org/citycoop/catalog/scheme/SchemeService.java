package org.citycoop.catalog.scheme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.catalog.agency.AgencyRepository;
import org.citycoop.catalog.changes.ChangeFeed;
import org.citycoop.catalog.changes.ChangeSubject;
import org.citycoop.catalog.changes.ChangeType;
import org.citycoop.catalog.history.SchemeHistory;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.platform.web.EntityTags;
import org.citycoop.platform.security.Caller;
import org.citycoop.catalog.web.Upserted;
import org.citycoop.platform.outbox.Outbox;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes the schemes agencies push (idempotent upserts keyed by agency and ref), reads and filters them,
 * and publishes each change on {@code catalog.schemes} (key = scheme id) through the outbox and keeps
 * each version in the scheme's history ({@link SchemeHistory}), in the same transaction.
 */
@ApplicationScoped
public class SchemeService {

    public static final String TOPIC = "catalog.schemes";
    public static final String CREATED = "org.citycoop.catalog.scheme.created.v1";
    public static final String UPDATED = "org.citycoop.catalog.scheme.updated.v1";
    public static final String WITHDRAWN = "org.citycoop.catalog.scheme.withdrawn.v1";

    @Inject
    SchemeRepository schemes;

    @Inject
    AgencyRepository agencies;

    @Inject
    Outbox outbox;

    @Inject
    SchemeHistory history;

    @Inject
    ChangeFeed changeFeed;

    @Inject
    Caller caller;

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
     * @throws ProblemException 404 unknown agency, 422 invalid content, 428/412 precondition; always before anything is
     *     written, so that it leaves a caller's transaction usable (a batch commits many upserts together)
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Upserted<SchemeView> upsert(String agencyId, String ref, SchemeContent request, String ifMatch) {
        if (!agencies.lockForSchemeChange(agencyId)) {
            throw ProblemException.notFound("No agency '" + agencyId + "'; create it first with PUT /v1/agencies/" + agencyId + ".");
        }
        SchemeContent content = rules.normalise(request);
        Optional<Scheme> stored = schemes.findByAgencyAndRef(agencyId, ref);
        // Pushing a withdrawn scheme again offers it again: a change, even with the same content.
        boolean changes = stored.map(scheme -> scheme.isWithdrawn() || !scheme.content().equals(content)).orElse(true);
        EntityTags.checkPrecondition(ifMatch, stored.map(scheme -> scheme.version).orElse(null), changes);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!changes) {
            Scheme scheme = stored.get();
            return new Upserted<>(SchemeView.of(scheme, now), scheme.version, Upserted.Outcome.UNCHANGED);
        }
        Scheme scheme;
        Upserted.Outcome outcome;
        if (stored.isEmpty()) {
            scheme = Scheme.create(agencyId, ref, content, now);
            schemes.persist(scheme);
            outcome = Upserted.Outcome.CREATED;
        } else {
            scheme = stored.get();
            scheme.update(content, now);
            outcome = Upserted.Outcome.UPDATED;
        }
        SchemeView view = recordChange(scheme, outcome == Upserted.Outcome.CREATED ? ChangeType.CREATED : ChangeType.UPDATED, now);
        return new Upserted<>(view, scheme.version, outcome);
    }

    /**
     * Withdraws a scheme: marks it withdrawn (status WITHDRAWN), next version, keeps it for history, and publishes
     * {@link #WITHDRAWN}. Withdrawing a withdrawn scheme changes nothing (same version, no event). Conditional as
     * the upsert is: If-Match with the current ETag is needed to withdraw, and a stale one is refused even when
     * the scheme is already withdrawn.
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
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!changes) {
            return new Upserted<>(SchemeView.of(scheme, now), scheme.version, Upserted.Outcome.UNCHANGED);
        }
        scheme.withdraw(now);
        return new Upserted<>(recordChange(scheme, ChangeType.WITHDRAWN, now), scheme.version, Upserted.Outcome.UPDATED);
    }

    /**
     * Everything a new version of a scheme leaves behind, in the caller's transaction: its event (outbox), its
     * history entry and its line in the change feed. Returns the scheme's representation at {@code now}.
     */
    private SchemeView recordChange(Scheme scheme, ChangeType change, Instant now) {
        SchemeView view = SchemeView.of(scheme, now);
        String id = scheme.id.toString();
        String eventType = switch (change) {
            case CREATED -> CREATED;
            case UPDATED -> UPDATED;
            case WITHDRAWN -> WITHDRAWN;
        };
        outbox.record(TOPIC, id, eventType, id, view);
        history.record(scheme.id, scheme.version, change, now, caller.name(), view);
        changeFeed.record(ChangeSubject.SCHEME, id, scheme.agencyId, scheme.ref, change, scheme.version, now);
        return view;
    }

    /** The scheme an agency holds under its own reference; 404 problem when there is none. */
    @Transactional
    public SchemeView getByRef(String agencyId, String ref) {
        return schemes.findByAgencyAndRef(agencyId, ref).map(scheme -> SchemeView.of(scheme, Instant.now()))
                .orElseThrow(() -> ProblemException.notFound("Agency " + agencyId + " has no scheme " + ref + "."));
    }

    /** @throws ProblemException 404 when there is no such scheme */
    @Transactional
    public SchemeView get(UUID id) {
        return schemes.findByIdOptional(id).map(scheme -> SchemeView.of(scheme, Instant.now()))
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
        Instant now = Instant.now();
        List<Scheme> rows = schemes.search(filter, sort, after, limit, now);
        List<Scheme> page = rows.stream().limit(limit).toList();
        String next = null;
        if (rows.size() > limit) {
            Scheme last = page.get(page.size() - 1);
            String key = switch (sort) {
                case UPDATED -> last.updatedAt.toString();
                case DEADLINE -> last.windowDeadline == null ? "" : last.windowDeadline.toString();
                case RELEVANCE -> Double.toString(schemes.relevance(last.id, filter.text()));
            };
            next = Cursor.encode(List.of(sort.name(), key, last.id.toString()));
        }
        return new SchemePage(page.stream().map(scheme -> SchemeView.of(scheme, now)).toList(), next);
    }

    /** Counts, for each facet asked for, how many matching schemes have each value; and how many match in all. */
    @Transactional
    public SchemeFacets facets(SchemeFilter filter, List<SchemeFacet> facets) {
        Instant now = Instant.now();
        java.util.Map<String, List<SchemeFacets.Count>> counts = new java.util.LinkedHashMap<>();
        for (SchemeFacet facet : facets) {
            counts.put(facet.parameter(), schemes.facet(filter, facet, now).stream()
                    .map(row -> new SchemeFacets.Count(String.valueOf(row[0]), ((Number) row[1]).longValue())).toList());
        }
        return new SchemeFacets(schemes.count(filter, now), counts);
    }

    /**
     * The schemes matching the filter after a position, most recently changed first, in a transaction of their own:
     * the export reads the whole result in such batches, never all of it at once.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<SchemeView> batchAfter(SchemeFilter filter, SchemeView after, int size) {
        Instant now = Instant.now();
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
                case UPDATED -> new SchemeRepository.Position(Instant.parse(key), null, null, id);
                case DEADLINE -> new SchemeRepository.Position(null, key.isEmpty() ? null : Instant.parse(key), null, id);
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
