package org.citycoop.catalog.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import org.citycoop.platform.storage.AdvisoryLocks;
import org.citycoop.catalog.activity.iati.IatiActivityReader;
import org.citycoop.catalog.activity.iati.ReadActivity;
import org.citycoop.catalog.agency.AgencyService;
import org.citycoop.catalog.agency.AgencyView;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.platform.outbox.OutboxEvent;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.storage.DatabaseTime;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Imports an agency's IATI activity file: reads it one activity at a time, stores the new and changed activities in
 * groups of {@value #GROUP} (JDBC batches) and publishes each on {@code catalog.activities} through the outbox.
 * The whole file is one transaction: a file refused part-way (not well-formed, a reporting-org that is not the
 * agency, over the size limit) stores nothing.
 */
@ApplicationScoped
public class ActivityImport {

    /** A file of 60 MB on a busy machine takes longer than the default transaction timeout (60 s). */
    static final int TIMEOUT_SECONDS = 900;

    /** Activities held in memory at once: read, compared with the stored ones in one query, written in one batch. */
    static final int GROUP = 100;

    @Inject
    DatabaseTime time;

    @Inject
    AgencyService agencies;

    @Inject
    ActivityRepository store;

    @Inject
    ActivityEvents activityEvents;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    private final ActivityRules rules;

    @Inject
    ActivityImport(Vocabularies vocabularies) {
        this.rules = new ActivityRules(vocabularies);
    }

    /**
     * Imports the file.
     *
     * @throws ProblemException 404 without the agency; 422 naming {@code iatiOrgId} when the agency has no IATI
     *     organisation identifier, naming {@code iati-activity[n]/reporting-org/@ref} when an activity is reported by
     *     another organisation; 400/422 naming {@code body} when the file is refused ({@link IatiActivityReader})
     */
    /**
     * Imports the file, telling {@code progress} the counts so far (a report without items) after each group of
     * {@value #GROUP} activities.
     */
    @Transactional
    @TransactionConfiguration(timeout = TIMEOUT_SECONDS)
    public ImportReport importFile(String agencyId, InputStream body, Consumer<ImportReport> progress) {
        AgencyView agency = agencyFor(agencyId);
        // one import of an agency's files at a time: two imports of one file do not both create its activities
        AdvisoryLocks.lockForTransaction(entityManager, "activities:" + agencyId);
        Run run = new Run(agency, time.now());
        try (IatiActivityReader reader = IatiActivityReader.open(body)) {
            List<ReadActivity> group = new ArrayList<>(GROUP);
            for (ReadActivity activity = reader.next(); activity != null; activity = reader.next()) {
                checkReportingOrg(agency, activity);
                group.add(activity);
                if (group.size() == GROUP) {
                    run.apply(group);
                    group.clear();
                    progress.accept(run.counts(reader.version()));
                }
            }
            run.apply(group);
            return run.report(reader.version());
        }
    }

    /**
     * The agency whose files are imported.
     *
     * @throws ProblemException 404 without the agency; 422 naming {@code iatiOrgId} when it has no IATI organisation
     *     identifier
     */
    @Transactional
    public AgencyView agencyFor(String agencyId) {
        AgencyView agency = agencies.get(agencyId);
        if (agency.iatiOrgId() == null) {
            throw ProblemException.invalid("iatiOrgId", "agency '" + agencyId + "' has no IATI organisation identifier; set its "
                    + "iatiOrgId (PUT /v1/agencies/" + agencyId + ") before importing its IATI files");
        }
        return agency;
    }

    private static void checkReportingOrg(AgencyView agency, ReadActivity activity) {
        ActivityContent.Organisation reporting = activity.content().reportingOrg();
        String ref = reporting == null ? null : reporting.ref();
        if (!IatiOrgIds.identifies(ref, agency.iatiOrgId(), agency.country())) {
            String field = "iati-activity[" + activity.position() + "]/reporting-org/@ref";
            throw ProblemException.invalid(field, (ref == null ? "missing" : "'" + ref + "'") + " does not identify agency '"
                    + agency.id() + "', whose IATI organisation identifier is " + agency.iatiOrgId() + " (also read as: "
                    + String.join(", ", IatiOrgIds.forms(agency.iatiOrgId(), agency.country())) + "); nothing was imported");
        }
    }

    /** One import: its counts and items so far. */
    private final class Run {

        private final AgencyView agency;
        private final Instant now;
        private final LocalDate today;
        private final List<ImportReport.Item> items = new ArrayList<>();
        private final int[] counts = new int[ImportReport.Outcome.values().length];

        Run(AgencyView agency, Instant now) {
            this.agency = agency;
            this.now = now;
            this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        }

        void apply(List<ReadActivity> group) {
            Set<String> identifiers = new LinkedHashSet<>();
            group.forEach(read -> {
                if (read.content().iatiIdentifier() != null) {
                    identifiers.add(read.content().iatiIdentifier());
                }
            });
            Map<String, ActivityRepository.Stored> stored = new java.util.HashMap<>(store.findByIdentifiers(identifiers));
            Map<String, ActivityRepository.Row> inserts = new java.util.LinkedHashMap<>();
            Map<String, ActivityRepository.Row> updates = new java.util.LinkedHashMap<>();
            List<OutboxEvent> events = new ArrayList<>();
            for (ReadActivity read : group) {
                ActivityContent content = read.content();
                List<String> reasons = new ArrayList<>(read.reasons());
                reasons.addAll(rules.reasons(content));
                List<String> warnings = new ArrayList<>(read.warnings());
                ActivityRepository.Stored existing = content.iatiIdentifier() == null ? null : stored.get(content.iatiIdentifier());
                if (existing != null && !existing.agencyId().equals(agency.id())) {
                    reasons.add("iati-identifier: this activity is held for agency '" + existing.agencyId() + "'");
                }
                if (content.iatiIdentifier() != null && !IatiOrgIds.owns(content.iatiIdentifier(), agency.iatiOrgId(), agency.country())) {
                    reasons.add("iati-identifier: must begin with the reporting organisation's identifier and a hyphen ("
                            + String.join(" or ", IatiOrgIds.forms(agency.iatiOrgId(), agency.country())) + "), as IATI's rules ask");
                }
                if (!reasons.isEmpty()) {
                    item(read, ImportReport.Outcome.REJECTED, null, null, reasons, warnings);
                    continue;
                }
                warnings.addAll(rules.warnings(content, today));
                JsonNode tree = mapper.valueToTree(content);
                if (existing == null) {
                    ActivityView view = ActivityView.of(UUID.randomUUID(), agency.id(), 1, now, now, content);
                    inserts.put(content.iatiIdentifier(), new ActivityRepository.Row(view, tree));
                    stored.put(content.iatiIdentifier(), new ActivityRepository.Stored(view.id(), agency.id(), 1, tree, now, now));
                    events.add(ActivityEvents.created(view));
                    item(read, ImportReport.Outcome.CREATED, view.id(), 1L, reasons, warnings);
                    continue;
                }
                String storedLastUpdated = existing.content().path("lastUpdated").isTextual() ? existing.content().get("lastUpdated").asText() : null;
                if (isOlder(content.lastUpdated(), storedLastUpdated)) {
                    warnings.add("@last-updated-datetime: the catalogue holds a later copy (" + storedLastUpdated + "); this one is not stored");
                    item(read, ImportReport.Outcome.UNCHANGED, existing.id(), existing.version(), reasons, warnings);
                    continue;
                }
                if (existing.content().equals(tree)) {
                    item(read, ImportReport.Outcome.UNCHANGED, existing.id(), existing.version(), reasons, warnings);
                    continue;
                }
                long version = existing.version() + 1;
                ActivityView view = ActivityView.of(existing.id(), agency.id(), version, existing.createdAt(), now, content);
                ActivityRepository.Row row = new ActivityRepository.Row(view, tree);
                if (inserts.containsKey(content.iatiIdentifier())) {
                    inserts.put(content.iatiIdentifier(), row); // created earlier in this group: insert the later content
                } else {
                    updates.put(content.iatiIdentifier(), row);
                }
                stored.put(content.iatiIdentifier(), new ActivityRepository.Stored(view.id(), agency.id(), version, tree, existing.createdAt(), now));
                events.add(ActivityEvents.updated(view));
                item(read, ImportReport.Outcome.UPDATED, view.id(), version, reasons, warnings);
            }
            store.write(List.copyOf(inserts.values()), List.copyOf(updates.values()));
            activityEvents.publishAll(events);
        }

        private void item(ReadActivity read, ImportReport.Outcome outcome, UUID id, Long version, List<String> reasons, List<String> warnings) {
            counts[outcome.ordinal()]++;
            items.add(new ImportReport.Item(read.position(), read.content().iatiIdentifier(), outcome, id, version, reasons, warnings));
        }

        /** The counts so far, without the items. */
        ImportReport counts(String version) {
            return new ImportReport(version, items.size(), counts[0], counts[1], counts[2], counts[3], List.of());
        }

        ImportReport report(String version) {
            return new ImportReport(version, items.size(), counts[0], counts[1], counts[2], counts[3], items);
        }
    }

    /** Whether a copy last updated at {@code incoming} is older than one last updated at {@code held}. */
    static boolean isOlder(String incoming, String held) {
        OffsetDateTime in = IatiActivityReader.lastUpdatedTime(incoming);
        OffsetDateTime at = IatiActivityReader.lastUpdatedTime(held);
        return in != null && at != null && in.isBefore(at);
    }
}
