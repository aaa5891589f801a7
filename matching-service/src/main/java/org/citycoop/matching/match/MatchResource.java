package org.citycoop.matching.match;

import jakarta.annotation.security.RolesAllowed;
import org.citycoop.platform.security.Roles;
import org.citycoop.platform.web.QueryParams;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.citycoop.matching.scoring.NeedsProfile;
import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.vocabulary.SectorCodelist;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;

/** {@code POST /v1/matches}: the support schemes that fit a city's needs, scored and explained. */
@RolesAllowed({Roles.ADMIN, Roles.PARTNER_PORTAL, Roles.CITY_EDITOR})
@Path("/v1/matches")
@Tag(name = "Matches")
public class MatchResource {

    public static final String RULES = """
            Finds the support schemes that fit a city's needs, from this service's read model of the catalogue \
            and of twinning arrangements, held in memory and updated from their events (normally within a \
            second of the catalogue's change).

            **Hard criteria** (a FAILED one makes the scheme ineligible):
            - `relevance`: at least one of the city's challenge areas is among the scheme's.
            - `applicantType`: the profile's applicant type, or ANY, is among the scheme's applicant types \
            (PARTLY_MET when the agency does not publish them); the detail names the channel (apply directly, \
            through your national government, ...).
            - `country`: the scheme lists no country (open to all) or lists the profile's; when it lists regions \
            only, PARTLY_MET ("region membership not checked").
            - `status`: WITHDRAWN or CLOSED fail. The status is derived at request time: a FIXED window past \
            its deadline is CLOSED, one not open yet FORECASTED (PARTLY_MET); a superseded scheme is CLOSED.
            - `deadline`: reachable when the whole days left until the deadline are at least the sum of \
            `typicalDays` of the process steps up to and including the last step whose actor is CITY, \
            NATIONAL_GOVERNMENT or PARTNER_CITY. ROLLING is MET; ANNUAL uses the next occurrence of the deadline \
            (PARTLY_MET when only the one after it is reachable).
            - `partnerCity`: when the scheme needs a partner city in country C, MET only if the read model holds \
            an AGREED or ACTIVE twinning arrangement between `cityId` and a city of C (named in the detail); \
            FAILED otherwise, saying why.

            **Soft criteria**, each rated in [0, 1] and weighted into `score` (rounded to 3 decimals):
            - `challenges` (0.35): sum of 1/priority over the city's challenges the scheme covers, divided by the \
            sum over all of them.
            - `supportTypes` (0.20): share of the wanted support types offered; MET when none is wanted.
            - `budget` (0.15): 1 inside the funding range; above the maximum, the share the maximum covers; below \
            the minimum, the budget's share of the minimum; 0.5 (PARTLY_MET) when the range is unknown or in \
            another currency (no exchange rates); 1 when no budget is given.
            - `sectors` (0.10): share of the profile's DAC 5-digit sectors (IATI Sector codelist) the scheme funds; \
            MET when none is asked for; 0.5 when the scheme publishes none.
            - `coFinancing` (0.05): MET when the scheme requires no co-financing or the profile's `coFinancing` \
            reaches `coFinancingShare` x budget; below it, the share covered; 0.5 when budget or co-financing is not \
            stated or in another currency.
            - `language` (0.05): 1 when the scheme has a name or description in a wanted language, else 0.5 \
            (shown in English).
            - `trackRecord` (0.10): the agency's own IATI activities (imported by the catalogue from its IATI \
            files) in the profile's country and in the profile's DAC sectors (the scheme's when the profile states \
            none): 1 with activities there; 0.5 (PARTLY_MET) with activities in the country in other sectors, or when \
            no IATI activity of the agency is known; 0 when it publishes activities and none is in the country. The \
            detail cites IATI: "ADB has 14 activities in Indonesia in sectors 14022 and 14050 since 2015 (IATI, last \
            updated 2026-09-30)".

            Order: eligible schemes by score descending, then agency id and the agency's reference; with `includeIneligible=true`, \
            schemes that address one of the challenges but fail another hard criterion follow, in the same order, \
            with `eligible: false`. `scheme.name` is in the first of `languages` (or else `Accept-Language`) that \
            the scheme has, else English. Code lists: docs/DESIGN.md, "The public API's core shapes"; countries \
            ISO 3166-1 alpha-2, currencies ISO 4217.""";

    @Inject
    MatchService matches;

    @Inject
    SectorCodelist sectorCodelist;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Match a city's needs to support schemes", description = RULES)
    @APIResponse(responseCode = "200", description = "Matches, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MatchList.class)))
    @APIResponse(responseCode = "400", description = "Unreadable body, unknown field or code value, or a malformed query parameter or Accept-Language; `errors` names the field")
    @APIResponse(responseCode = "422", description = "A field's value is not allowed (missing challenges, priority outside 1-5, malformed money, unknown country or currency, an area or a sector listed twice, a sector not active in the IATI Sector codelist); `errors` names each field")
    @io.micrometer.core.annotation.Timed(value = "citycoop.matches", description = "Time to rank the catalogue for one needs profile",
            histogram = true)
    public MatchList match(
            @Parameter(description = "Also list schemes that address one of the challenges but fail another hard criterion (after the eligible ones)",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("includeIneligible") String includeIneligible,
            @Parameter(description = "Most matches to return: the best `limit`. The ranking is computed for each request and is not paged; ask for up to 100",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Languages for scheme names when the body gives no `languages`")
            @HeaderParam("Accept-Language") String acceptLanguage,
            @NotNull @Valid NeedsProfile body) {
        List<Problem.FieldError> violations = body.violations(sectorCodelist);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        NeedsProfile asked = body.languages().isEmpty() ? body.withLanguages(acceptedLanguages(acceptLanguage)) : body;
        return MatchList.of(matches.match(asked, QueryParams.flag("includeIneligible", includeIneligible, false),
                QueryParams.limit(limit)), asked.languages());
    }

    /** The language tags of an Accept-Language header, by weight (RFC 9110), without the wildcard. */
    private static List<String> acceptedLanguages(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(Locale.LanguageRange::getRange)
                    .filter(range -> !range.startsWith("*"))
                    .toList();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Accept-Language", "not a list of language ranges such as \"ja, en;q=0.8\"");
        }
    }
}
