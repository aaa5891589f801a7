package org.citycoop.catalog.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.citycoop.platform.storage.AdvisoryLocks;
import org.citycoop.catalog.activity.iati.IatiOrganisationReader;
import org.citycoop.catalog.agency.AgencyService;
import org.citycoop.catalog.agency.AgencyView;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.catalog.vocabulary.Vocabulary;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.storage.DatabaseTime;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports an agency's IATI organisation file and keeps its budgets (total, per recipient country, per recipient
 * region), shown at {@code GET /v1/agencies/{agencyId}/iati-organisation}. The same file again changes nothing.
 */
@ApplicationScoped
public class OrganisationImport {

    @Inject
    DatabaseTime time;

    @Inject
    AgencyService agencies;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    Vocabularies vocabularies;

    /** What an import did, and the budgets the agency now shows. */
    public record Result(ImportReport.Outcome outcome, OrganisationView organisation, List<String> warnings) {
    }

    /** The agency's budgets as the catalogue holds them. */
    public record OrganisationView(String agencyId, long version, Instant updatedAt, OrganisationBudgets budgets) {
    }

    /**
     * @throws ProblemException 404 without the agency; 422 naming {@code iatiOrgId} when it has no IATI organisation
     *     identifier, naming {@code iati-organisation[n]/reporting-org/@ref} when the file is reported by another
     *     organisation, naming {@code organisation-identifier} when no organisation of the file is the agency; the
     *     refusals of {@link IatiOrganisationReader}
     */
    @Transactional
    public Result importFile(String agencyId, InputStream body) {
        AgencyView agency = agencies.get(agencyId);
        if (agency.iatiOrgId() == null) {
            throw ProblemException.invalid("iatiOrgId", "agency '" + agencyId + "' has no IATI organisation identifier; set its "
                    + "iatiOrgId (PUT /v1/agencies/" + agencyId + ") before importing its IATI files");
        }
        List<IatiOrganisationReader.ReadOrganisation> read = IatiOrganisationReader.read(body);
        OrganisationBudgets own = null;
        for (IatiOrganisationReader.ReadOrganisation organisation : read) {
            if (!IatiOrgIds.identifies(organisation.reportingOrgRef(), agency.iatiOrgId(), agency.country())) {
                throw ProblemException.invalid("iati-organisation[" + organisation.position() + "]/reporting-org/@ref",
                        (organisation.reportingOrgRef() == null ? "missing" : "'" + organisation.reportingOrgRef() + "'")
                                + " does not identify agency '" + agencyId + "', whose IATI organisation identifier is "
                                + agency.iatiOrgId() + "; nothing was imported");
            }
            if (own == null && IatiOrgIds.identifies(organisation.budgets().organisationIdentifier(), agency.iatiOrgId(), agency.country())) {
                own = organisation.budgets();
            }
        }
        if (own == null) {
            throw ProblemException.invalid("organisation-identifier", "no iati-organisation of the file is agency '" + agencyId
                    + "' (" + agency.iatiOrgId() + "); nothing was imported");
        }
        List<String> warnings = warnings(own);
        AdvisoryLocks.lockForTransaction(entityManager, "organisation:" + agencyId);
        OrganisationView held = find(agencyId);
        JsonNode tree = mapper.valueToTree(own);
        if (held != null && mapper.valueToTree(held.budgets()).equals(tree)) {
            return new Result(ImportReport.Outcome.UNCHANGED, held, warnings);
        }
        Instant now = time.now();
        long version = held == null ? 1 : held.version() + 1;
        entityManager.createNativeQuery("""
                        INSERT INTO agency_iati_organisation (agency_id, content, version, updated_at)
                        VALUES (?1, CAST(?2 AS jsonb), ?3, ?4)
                        ON CONFLICT (agency_id) DO UPDATE SET content = EXCLUDED.content, version = EXCLUDED.version,
                            updated_at = EXCLUDED.updated_at""")
                .setParameter(1, agencyId).setParameter(2, tree.toString()).setParameter(3, version)
                .setParameter(4, now.atOffset(ZoneOffset.UTC)).executeUpdate();
        return new Result(held == null ? ImportReport.Outcome.CREATED : ImportReport.Outcome.UPDATED,
                new OrganisationView(agencyId, version, now, own), warnings);
    }

    /** @throws ProblemException 404 when the agency has imported no organisation file */
    @Transactional
    public OrganisationView get(String agencyId) {
        agencies.get(agencyId);
        OrganisationView view = find(agencyId);
        if (view == null) {
            throw ProblemException.notFound("Agency '" + agencyId + "' has imported no IATI organisation file.");
        }
        return view;
    }

    private OrganisationView find(String agencyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT CAST(content AS text), version, updated_at FROM agency_iati_organisation WHERE agency_id = ?1")
                .setParameter(1, agencyId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        try {
            Instant updatedAt = DatabaseTime.utc(row[2]).toInstant();
            return new OrganisationView(agencyId, ((Number) row[1]).longValue(), updatedAt,
                    mapper.readValue((String) row[0], OrganisationBudgets.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Codes of the budgets not in the shipped IATI codelists, and budgets without currency. */
    private List<String> warnings(OrganisationBudgets budgets) {
        List<String> warnings = new ArrayList<>();
        check(budgets.totalBudgets(), "total-budget", null, warnings);
        check(budgets.countryBudgets(), "recipient-country-budget", Vocabulary.COUNTRIES, warnings);
        check(budgets.regionBudgets(), "recipient-region-budget", Vocabulary.REGIONS, warnings);
        return warnings;
    }

    private void check(List<OrganisationBudgets.Budget> list, String element, Vocabulary codes, List<String> warnings) {
        for (int i = 0; i < list.size(); i++) {
            OrganisationBudgets.Budget budget = list.get(i);
            String path = element + "[" + (i + 1) + "]";
            if (codes != null && (budget.vocabulary() == null || "1".equals(budget.vocabulary()))) {
                vocabularies.check(codes, path + "/@code", budget.code()).ifPresent(e -> warnings.add(e.field() + ": " + e.detail()));
            }
            if (budget.value() != null && budget.value().currency() == null) {
                warnings.add(path + "/value: no currency (no @currency and no default-currency on iati-organisation)");
            } else if (budget.value() != null) {
                vocabularies.check(Vocabulary.CURRENCIES, path + "/value/@currency", budget.value().currency())
                        .ifPresent(e -> warnings.add(e.field() + ": " + e.detail()));
            }
        }
    }
}
