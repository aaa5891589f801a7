package org.citycoop.catalog.scheme;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.citycoop.catalog.vocabulary.Code;
import org.citycoop.catalog.vocabulary.RegionMembers;
import org.citycoop.catalog.vocabulary.Vocabularies;
import org.citycoop.catalog.vocabulary.Vocabulary;
import org.citycoop.platform.export.Export;
import org.citycoop.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The whole result of a scheme search as a file, with the labels of the codes. */
@RolesAllowed(Roles.ANYONE)
@Path("/v1/schemes:export")
@Tag(name = "Schemes")
public class SchemeExportResource {

    /** Schemes read from the database at a time (each batch in a transaction of its own). */
    static final int BATCH = 500;

    /** CSV columns, in order. Lists are joined with "; " (codes) or " | " (labels, which may hold ";"). */
    static final List<String> CSV_COLUMNS = List.of("id", "agencyId", "ref", "name", "nameJa", "status", "supportTypes",
            "challengeAreas", "sectors", "sectorLabels", "financeType", "financeTypeLabel", "aidType", "aidTypeLabel",
            "applicantTypes", "channel", "eligibleCountries", "eligibleCountryLabels", "eligibleRegions", "eligibleRegionLabels",
            "minAmount", "minCurrency", "maxAmount", "maxCurrency", "coFinancingShare", "windowKind", "opens", "deadline",
            "supersededBy", "sourceUrl", "verifiedOn", "version", "updatedAt");

    @Inject
    SchemeService service;

    @Inject
    Vocabularies vocabularies;

    @Inject
    RegionMembers regions;

    @Inject
    ObjectMapper mapper;

    @GET
    @Produces({Export.NDJSON, Export.CSV})
    @Operation(summary = "Export every scheme a search finds",
            description = "Takes the filters of GET /v1/schemes and streams every matching scheme, most recently changed "
                    + "first, read from the database 500 at a time (never the whole result in memory). ndjson: one scheme "
                    + "per line as GET /v1/schemes/{id} gives it (English), plus `labels`: the English label of each code "
                    + "(sectors, financeType, aidType, eligibleCountries, eligibleRegions) from GET /v1/vocabularies/{name}. "
                    + "csv (RFC 4180, header row, UTF-8): one row per scheme, codes and their labels in separate columns, "
                    + "lists joined with \"; \" (labels with \" | \"). A scheme changed while the export runs may appear "
                    + "twice or not at all.")
    @APIResponse(responseCode = "200", description = "The schemes",
            content = {@Content(mediaType = Export.NDJSON), @Content(mediaType = Export.CSV)})
    @APIResponse(responseCode = "400", description = "Unknown format, or a bad filter value")
    public Response export(@BeanParam SchemeQuery query,
                           @Parameter(description = "ndjson (default) or csv") @QueryParam("format") String format) {
        SchemeFilter filter = query.filter(vocabularies, regions);
        Export.Format chosen = Export.format(format);
        return Export.<SchemeView>stream(chosen, "schemes", CSV_COLUMNS, after -> service.batchAfter(filter, after, BATCH), BATCH, this::row, view -> {
            ObjectNode line = mapper.valueToTree(view);
            line.set("labels", mapper.valueToTree(labels(view)));
            return line;
        }, mapper);
    }

    /** The English labels of a scheme's codes, per field and code. */
    Map<String, Object> labels(SchemeView view) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("sectors", labelMap(Vocabulary.SECTORS, view.sectors()));
        labels.put("financeType", labelMap(Vocabulary.FINANCE_TYPES, view.financeType() == null ? List.of() : List.of(view.financeType())));
        labels.put("aidType", labelMap(Vocabulary.AID_TYPES, view.aidType() == null ? List.of() : List.of(view.aidType())));
        labels.put("eligibleCountries", labelMap(Vocabulary.COUNTRIES, view.eligibleCountries()));
        labels.put("eligibleRegions", labelMap(Vocabulary.REGIONS, view.eligibleRegions()));
        return labels;
    }

    private Map<String, String> labelMap(Vocabulary vocabulary, List<String> codes) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            labels.put(code, label(vocabulary, code));
        }
        return labels;
    }

    private String label(Vocabulary vocabulary, String code) {
        return code == null ? "" : vocabularies.list(vocabulary).find(code).map(Code::nameEn).orElse(code);
    }

    private Map<String, String> row(SchemeView view) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", view.id().toString());
        row.put("agencyId", view.agencyId());
        row.put("ref", view.ref());
        row.put("name", view.name());
        row.put("nameJa", view.names() == null ? "" : view.names().getOrDefault("ja", ""));
        row.put("status", view.status().name());
        row.put("supportTypes", joined(view.supportTypes()));
        row.put("challengeAreas", joined(view.challengeAreas()));
        row.put("sectors", joined(view.sectors()));
        row.put("sectorLabels", labels(Vocabulary.SECTORS, view.sectors()));
        row.put("financeType", text(view.financeType()));
        row.put("financeTypeLabel", label(Vocabulary.FINANCE_TYPES, view.financeType()));
        row.put("aidType", text(view.aidType()));
        row.put("aidTypeLabel", label(Vocabulary.AID_TYPES, view.aidType()));
        row.put("applicantTypes", joined(view.applicantTypes()));
        row.put("channel", text(view.channel()));
        row.put("eligibleCountries", joined(view.eligibleCountries()));
        row.put("eligibleCountryLabels", labels(Vocabulary.COUNTRIES, view.eligibleCountries()));
        row.put("eligibleRegions", joined(view.eligibleRegions()));
        row.put("eligibleRegionLabels", labels(Vocabulary.REGIONS, view.eligibleRegions()));
        FundingRange range = view.fundingRange();
        row.put("minAmount", range == null || range.min() == null ? "" : range.min().amount().toPlainString());
        row.put("minCurrency", range == null || range.min() == null ? "" : range.min().currency());
        row.put("maxAmount", range == null || range.max() == null ? "" : range.max().amount().toPlainString());
        row.put("maxCurrency", range == null || range.max() == null ? "" : range.max().currency());
        row.put("coFinancingShare", view.coFinancingShare() == null ? "" : view.coFinancingShare().toPlainString());
        ApplicationWindow window = view.window();
        row.put("windowKind", window == null ? "" : window.kind().name());
        row.put("opens", window == null ? "" : text(window.opens()));
        row.put("deadline", window == null ? "" : text(window.deadline()));
        row.put("supersededBy", text(view.supersededBy()));
        row.put("sourceUrl", text(view.sourceUrl()));
        row.put("verifiedOn", text(view.verifiedOn()));
        row.put("version", Long.toString(view.version()));
        row.put("updatedAt", text(view.updatedAt()));
        return row;
    }

    private String labels(Vocabulary vocabulary, List<String> codes) {
        return codes == null ? "" : codes.stream().map(code -> label(vocabulary, code)).collect(Collectors.joining(" | "));
    }

    private static String joined(List<?> values) {
        return values == null ? "" : values.stream().map(String::valueOf).collect(Collectors.joining("; "));
    }

    private static String text(Object value) {
        if (value instanceof java.time.OffsetDateTime time) {
            return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        return value == null ? "" : value.toString();
    }
}
