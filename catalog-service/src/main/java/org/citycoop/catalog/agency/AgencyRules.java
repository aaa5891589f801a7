package org.citycoop.catalog.agency;

import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.catalog.vocabulary.Vocabulary;
import org.citycoop.catalog.web.HttpUrls;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules an agency's content follows beyond its JSON shape, and its normal form. */
public final class AgencyRules {

    /** An agency id: a lower-case slug such as {@code unep-ietc}, at most 64 characters. */
    public static final String ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+){0,40}";
    public static final int ID_MAX_LENGTH = 64;
    /**
     * An IATI organisation identifier: a registration agency prefix (two letters, as in {@code XM-DAC} or
     * {@code GB-COH}), then hyphen-separated parts without spaces or slashes (IATI organisation identifier guidance).
     */
    private static final Pattern IATI_ORG_ID = Pattern.compile("[A-Z]{2}-[A-Za-z0-9._]+(-[A-Za-z0-9._]+){0,40}");

    private final Vocabularies vocabularies;

    public AgencyRules(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    /**
     * Checks the content and returns its normal form ({@code regionsServed} without duplicates, sorted,
     * empty when absent).
     *
     * @throws ProblemException 422 naming every failing field
     */
    public AgencyRequest normalise(AgencyRequest a) {
        List<Problem.FieldError> errors = new ArrayList<>();
        vocabularies.check(Vocabulary.ORGANISATION_TYPES, "organisationType", a.organisationType()).ifPresent(errors::add);
        vocabularies.check(Vocabulary.COUNTRIES, "country", a.country()).ifPresent(errors::add);
        vocabularies.checkAll(Vocabulary.REGIONS, "regionsServed", a.regionsServed(), errors);
        if (a.iatiOrgId() != null && !IATI_ORG_ID.matcher(a.iatiOrgId()).matches()) {
            errors.add(new Problem.FieldError("iatiOrgId", "must be an IATI organisation identifier such as XM-DAC-41116"));
        }
        if (a.website() != null && !HttpUrls.isHttpUrl(a.website())) {
            errors.add(new Problem.FieldError("website", "must be an absolute http or https URL"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<String> regions = a.regionsServed() == null ? List.of() : a.regionsServed().stream().distinct().sorted().toList();
        return new AgencyRequest(a.name(), a.acronym(), a.organisationType(), a.country(), a.iatiOrgId(), a.website(),
                a.contact(), regions);
    }
}
