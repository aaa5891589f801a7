package org.citycoop.catalog.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.citycoop.platform.storage.AdvisoryLocks;
import org.citycoop.catalog.changes.ChangeFeedRepository;
import org.citycoop.catalog.changes.ChangeSubject;
import org.citycoop.catalog.changes.ChangeType;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.platform.storage.DatabaseTime;
import org.citycoop.platform.web.EntityTags;
import org.citycoop.catalog.web.Upserted;
import org.citycoop.platform.paging.Cursor;
import org.citycoop.platform.paging.Keyset;
import org.citycoop.platform.problem.ProblemException;

import java.time.Instant;
import java.util.List;

/**
 * Creates and changes agencies, and publishes each change on {@code catalog.agencies} (key = agency id)
 * through the outbox, in the same transaction.
 */
@ApplicationScoped
public class AgencyService {

    /** First part of the list's cursors: tells them from text that merely decodes to an id. */
    private static final String CURSOR_MARK = "agencies";

    @Inject
    DatabaseTime time;

    @Inject
    AgencyRepository agencies;

    @Inject
    AgencyEvents events;

    @Inject
    ChangeFeedRepository changeFeed;

    private final AgencyRules rules;

    @Inject
    AgencyService(Vocabularies vocabularies) {
        this.rules = new AgencyRules(vocabularies);
    }

    /**
     * Creates the agency, or changes it when the content differs from what is stored; the same content
     * again changes nothing (same version, no event).
     *
     * @param ifMatch the {@code If-Match} header, or null; required to change an existing agency
     */
    @Transactional
    public Upserted<AgencyView> upsert(String id, AgencyRequest request, String ifMatch) {
        AgencyRequest content = rules.normalise(request);
        // Serialises concurrent PUTs of one agency id, including two that would both create it.
        AdvisoryLocks.lockForTransaction(agencies.getEntityManager(), "agency:" + id);
        Agency agency = agencies.findById(id);
        boolean changes = agency == null || !agency.content().equals(content);
        EntityTags.checkPrecondition(ifMatch, agency == null ? null : agency.version, changes);
        if (!changes) {
            return new Upserted<>(AgencyView.of(agency), agency.version, Upserted.Outcome.UNCHANGED);
        }
        Instant now = time.now();
        Upserted.Outcome outcome;
        if (agency == null) {
            agency = Agency.create(id, content, now);
            agencies.persist(agency);
            outcome = Upserted.Outcome.CREATED;
        } else {
            agency.update(content, now);
            outcome = Upserted.Outcome.UPDATED;
        }
        AgencyView view = AgencyView.of(agency);
        if (outcome == Upserted.Outcome.CREATED) {
            events.created(view);
        } else {
            events.updated(view);
        }
        changeFeed.record(ChangeSubject.AGENCY, id, id, null,
                outcome == Upserted.Outcome.CREATED ? ChangeType.CREATED : ChangeType.UPDATED, agency.version, now);
        return new Upserted<>(view, agency.version, outcome);
    }

    /** @throws ProblemException 404 when there is no such agency */
    @Transactional
    public AgencyView get(String id) {
        return agencies.findByIdOptional(id).map(AgencyView::of)
                .orElseThrow(() -> ProblemException.notFound("No agency '" + id + "'."));
    }

    /**
     * One page of agencies in id order.
     *
     * @param cursor from the previous page's {@code next} link, or null for the first page
     * @return the agencies, and the cursor of the next page (null on the last page)
     */
    @Transactional
    public AgencyPage list(String cursor, int limit) {
        String after = afterId(cursor);
        Keyset<Agency> page = Keyset.of(agencies.pageAfter(after, Keyset.fetch(limit)), limit, last -> List.of(CURSOR_MARK, last.id));
        return new AgencyPage(page.items().stream().map(AgencyView::of).toList(), page.cursor());
    }

    /**
     * The agency id a cursor of this list starts after, or null without a cursor. The list's cursors hold a
     * mark and an agency id, so that a cursor another list made, or any other text, is refused rather than
     * read as an id.
     *
     * @throws ProblemException 400 naming {@code cursor} when this list did not make it
     */
    static String afterId(String cursor) {
        List<String> parts = Cursor.decode(cursor, 2);
        if (parts == null) {
            return null;
        }
        String id = parts.get(1);
        if (!CURSOR_MARK.equals(parts.get(0)) || id.length() > AgencyRules.ID_MAX_LENGTH || !id.matches(AgencyRules.ID_PATTERN)) {
            throw ProblemException.badRequest("cursor", "not a cursor returned by this list; start again without it");
        }
        return id;
    }

    /** A page of agencies and the cursor of the next one (null on the last page). */
    public record AgencyPage(List<AgencyView> items, String nextCursor) {
    }
}
