package org.citycoop.catalog.activity;

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
import java.util.Objects;
import java.util.stream.Collectors;

/** Every activity of a list as a file, with the names of its codes. */
@RolesAllowed(Roles.ANYONE)
@Path("/v1/activities:export")
@Tag(name = "IATI activities")
public class ActivityExportResource {

    /** Activities read from the database at a time (each batch in a transaction of its own). */
    static final int BATCH = 500;

    /**
     * CSV columns, in order. Lists are joined with "; " (codes) or " | " (labels, which may hold ";"); sectors, regions
     * and aid types are those of vocabulary 1 (DAC 5-digit, OECD DAC, IATI AidType), the others are in the NDJSON.
     */
    static final List<String> CSV_COLUMNS = List.of("id", "agencyId", "iatiIdentifier", "reportingOrg", "title", "titleLanguage",
            "status", "statusLabel", "plannedStart", "actualStart", "plannedEnd", "actualEnd", "recipientCountries",
            "recipientCountryLabels", "recipientRegions", "recipientRegionLabels", "sectors", "sectorLabels", "financeType",
            "financeTypeLabel", "flowType", "flowTypeLabel", "aidTypes", "aidTypeLabels", "defaultCurrency", "committed",
            "humanitarian", "lastUpdated", "version", "updatedAt");

    @Inject
    ActivityQueryRepository queries;

    @Inject
    Vocabularies vocabularies;

    @Inject
    ObjectMapper mapper;

    @GET
    @Produces({Export.NDJSON, Export.CSV})
    @Operation(summary = "Export every IATI activity of a list",
            description = "Takes the filters of GET /v1/activities and streams every matching activity in iati-identifier "
                    + "order, read from the database 500 at a time (never the whole result in memory). ndjson: one activity "
                    + "per line as GET /v1/activities/{id} gives it, plus `labels`: the English name of each code (status, "
                    + "recipientCountries, recipientRegions, sectors, financeType, flowType, aidTypes; codes of IATI's own "
                    + "vocabularies only) from GET /v1/vocabularies/{name}. csv (RFC 4180, header row, UTF-8): one row per "
                    + "activity, codes and their names in separate columns (status 2 and Implementation), lists joined with "
                    + "\"; \" (names with \" | \"), the English title (else the first), the commitments as amount and currency "
                    + "pairs. An activity imported while the export runs may or may not appear.")
    @APIResponse(responseCode = "200", description = "The activities",
            content = {@Content(mediaType = Export.NDJSON), @Content(mediaType = Export.CSV)})
    @APIResponse(responseCode = "400", description = "Unknown format, or a bad filter value")
    public Response export(@BeanParam ActivityQuery query,
                           @Parameter(description = "ndjson (default) or csv") @QueryParam("format") String format) {
        ActivityFilter filter = query.filter(vocabularies);
        Export.Format chosen = Export.format(format);
        return Export.<ActivityView>stream(chosen, "activities", CSV_COLUMNS, after -> batch(filter, after), BATCH, this::row, view -> {
            ObjectNode line = mapper.valueToTree(view);
            line.set("labels", mapper.valueToTree(labels(view)));
            return line;
        }, mapper);
    }

    private List<ActivityView> batch(ActivityFilter filter, ActivityView after) {
        return queries.batchAfter(filter, after == null ? null : after.iatiIdentifier(), BATCH);
    }

    /** The English names of an activity's codes, per field and code. */
    Map<String, Object> labels(ActivityView view) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("status", labelMap(Vocabulary.ACTIVITY_STATUSES, single(view.status())));
        labels.put("recipientCountries", labelMap(Vocabulary.COUNTRIES, codes(view.recipientCountries(), false)));
        labels.put("recipientRegions", labelMap(Vocabulary.REGIONS, codes(view.recipientRegions(), true)));
        labels.put("sectors", labelMap(Vocabulary.SECTORS, codes(view.sectors(), true)));
        labels.put("financeType", labelMap(Vocabulary.FINANCE_TYPES, single(view.financeType())));
        labels.put("flowType", labelMap(Vocabulary.FLOW_TYPES, single(view.flowType())));
        labels.put("aidTypes", labelMap(Vocabulary.AID_TYPES, aidTypes(view)));
        return labels;
    }

    private Map<String, String> labelMap(Vocabulary vocabulary, List<String> codes) {
        Map<String, String> labels = new LinkedHashMap<>();
        codes.forEach(code -> labels.put(code, label(vocabulary, code)));
        return labels;
    }

    private Map<String, String> row(ActivityView view) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", view.id().toString());
        row.put("agencyId", view.agencyId());
        row.put("iatiIdentifier", text(view.iatiIdentifier()));
        row.put("reportingOrg", view.reportingOrg() == null ? "" : text(view.reportingOrg().ref()));
        Map.Entry<String, String> title = title(view.titles());
        row.put("title", title == null ? "" : title.getValue());
        row.put("titleLanguage", title == null ? "" : title.getKey());
        row.put("status", text(view.status()));
        row.put("statusLabel", label(Vocabulary.ACTIVITY_STATUSES, view.status()));
        ActivityContent.Dates dates = view.dates();
        row.put("plannedStart", dates == null ? "" : text(dates.plannedStart()));
        row.put("actualStart", dates == null ? "" : text(dates.actualStart()));
        row.put("plannedEnd", dates == null ? "" : text(dates.plannedEnd()));
        row.put("actualEnd", dates == null ? "" : text(dates.actualEnd()));
        List<String> countries = codes(view.recipientCountries(), false);
        row.put("recipientCountries", String.join("; ", countries));
        row.put("recipientCountryLabels", labels(Vocabulary.COUNTRIES, countries));
        List<String> regions = codes(view.recipientRegions(), true);
        row.put("recipientRegions", String.join("; ", regions));
        row.put("recipientRegionLabels", labels(Vocabulary.REGIONS, regions));
        List<String> sectors = codes(view.sectors(), true);
        row.put("sectors", String.join("; ", sectors));
        row.put("sectorLabels", labels(Vocabulary.SECTORS, sectors));
        row.put("financeType", text(view.financeType()));
        row.put("financeTypeLabel", label(Vocabulary.FINANCE_TYPES, view.financeType()));
        row.put("flowType", text(view.flowType()));
        row.put("flowTypeLabel", label(Vocabulary.FLOW_TYPES, view.flowType()));
        List<String> aidTypes = aidTypes(view);
        row.put("aidTypes", String.join("; ", aidTypes));
        row.put("aidTypeLabels", labels(Vocabulary.AID_TYPES, aidTypes));
        row.put("defaultCurrency", text(view.defaultCurrency()));
        row.put("committed", view.committed() == null ? "" : view.committed().stream()
                .map(amount -> amount.amount() + (amount.currency() == null ? "" : " " + amount.currency())).collect(Collectors.joining("; ")));
        row.put("humanitarian", Boolean.toString(view.humanitarian()));
        row.put("lastUpdated", text(view.lastUpdated()));
        row.put("version", Long.toString(view.version()));
        row.put("updatedAt", text(view.updatedAt()));
        return row;
    }

    /** The English title, else the first one. */
    private static Map.Entry<String, String> title(Map<String, String> titles) {
        if (titles == null || titles.isEmpty()) {
            return null;
        }
        return titles.containsKey("en") ? Map.entry("en", titles.get("en")) : titles.entrySet().iterator().next();
    }

    /** The codes of shares, each once; only those of vocabulary 1 (or without vocabulary) when {@code vocabularyOne}. */
    private static List<String> codes(List<ActivityContent.Share> shares, boolean vocabularyOne) {
        return shares == null ? List.of() : shares.stream()
                .filter(share -> !vocabularyOne || share.vocabulary() == null || "1".equals(share.vocabulary()))
                .map(ActivityContent.Share::code).filter(Objects::nonNull).distinct().toList();
    }

    /** The default aid types of IATI's own AidType vocabulary (1, the default). */
    private static List<String> aidTypes(ActivityView view) {
        return view.aidTypes() == null ? List.of() : view.aidTypes().stream()
                .filter(aid -> aid.vocabulary() == null || "1".equals(aid.vocabulary()))
                .map(ActivityContent.Coded::code).filter(Objects::nonNull).distinct().toList();
    }

    private static List<String> single(String code) {
        return code == null ? List.of() : List.of(code);
    }

    private String labels(Vocabulary vocabulary, List<String> codes) {
        return codes.stream().map(code -> label(vocabulary, code)).collect(Collectors.joining(" | "));
    }

    /** The code's English name; the code itself when the codelist does not have it (the import warned of it). */
    private String label(Vocabulary vocabulary, String code) {
        return code == null ? "" : vocabularies.list(vocabulary).find(code).map(Code::nameEn).orElse(code);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
