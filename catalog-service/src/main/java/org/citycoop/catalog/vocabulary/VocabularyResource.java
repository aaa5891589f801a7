package org.citycoop.catalog.vocabulary;

import jakarta.annotation.security.RolesAllowed;
import org.citycoop.platform.security.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.citycoop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Serves the code lists that agency and scheme fields are checked against. */
@RolesAllowed(Roles.ANYONE)
@Path("/v1/vocabularies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabularies", description = "IATI Standard codelists (CC BY 4.0, IATI Standard, http://iatistandard.org/)")
public class VocabularyResource {

    @Inject
    Vocabularies vocabularies;

    /**
     * One vocabulary in the index.
     *
     * @param name its name in {@code /v1/vocabularies/{name}}
     * @param iatiCodelist the IATI Standard codelist it is
     * @param label what one of its codes is
     * @param href where its codes are listed
     */
    @Schema(name = "VocabularyLink")
    public record Link(String name, String iatiCodelist, String label, String href) {
    }

    @GET
    @Operation(summary = "List the vocabularies", description = "Every code list agency and scheme fields are checked against, "
            + "with the IATI Standard codelist it is and where its codes are listed.")
    @APIResponse(responseCode = "200", description = "The vocabularies")
    public java.util.List<Link> index() {
        return Arrays.stream(Vocabulary.values())
                .map(v -> new Link(v.pathName(), v.iatiCodelist(), v.label(), v.allowedListUrl())).toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "List the codes a field accepts",
            description = "The active codes of an IATI Standard codelist, with English and (where the codelist has "
                    + "them) French names. Withdrawn codes are not listed: they are refused in new data. "
                    + "sectors: OECD DAC 5-digit purpose codes; finance-types: IATI FinanceType; aid-types: IATI "
                    + "AidType; organisation-types: IATI OrganisationType; regions: OECD DAC regions (IATI Region); "
                    + "countries: ISO 3166-1 alpha-2 (IATI Country); currencies: ISO 4217 (IATI Currency).")
    @APIResponse(responseCode = "200", description = "The vocabulary",
            content = @Content(schema = @Schema(implementation = VocabularyView.class)))
    public VocabularyView get(
            @Parameter(description = "sectors, finance-types, aid-types, organisation-types, regions, countries or currencies",
                    example = "sectors")
            @PathParam("name") String name) {
        Vocabulary vocabulary = Vocabulary.byPathName(name).orElseThrow(() -> ProblemException.notFound(
                "No vocabulary named '" + name + "'; the vocabularies are "
                        + Arrays.stream(Vocabulary.values()).map(Vocabulary::pathName).collect(Collectors.joining(", ")) + "."));
        return VocabularyView.of(vocabularies.list(vocabulary));
    }
}
