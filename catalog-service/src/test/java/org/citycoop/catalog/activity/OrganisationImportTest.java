package org.citycoop.catalog.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.citycoop.catalog.Fixtures;
import org.citycoop.devstack.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** POST and GET /v1/agencies/{agencyId}/iati-organisation against a real PostgreSQL. */
@QuarkusTest
class OrganisationImportTest {

    private static ValidatableResponse post(String agency, String xml) {
        return given().contentType("application/xml; charset=utf-8").body(xml.getBytes(StandardCharsets.UTF_8))
                .post("/v1/agencies/" + agency + "/iati-organisation").then();
    }

    @Test
    void keepsTheBudgetsInTotalAndPerCountryAndRegionAndTheSameFileAgainChangesNothing() {
        String agency = Fixtures.createAgency("iatiorg");
        String file = IatiFiles.read("organisation.xml");
        post(agency, file).statusCode(200).body("outcome", equalTo("CREATED"))
                .body("organisation.version", equalTo(1))
                .body("warnings", equalTo(List.of("recipient-country-budget[2]/@code: unknown ISO 3166-1 alpha-2 country code 'XX'; "
                        + "the allowed codes are listed at GET /v1/vocabularies/countries")));
        given().get("/v1/agencies/" + agency + "/iati-organisation").then().statusCode(200)
                .body("agencyId", equalTo(agency))
                .body("budgets.organisationIdentifier", equalTo("XM-DAC-41116"))
                .body("budgets.names.ja", equalTo("試験機関"))
                .body("budgets.totalBudgets[0].value.amount", equalTo("120000000"))
                .body("budgets.totalBudgets[0].value.currency", equalTo("USD"))
                .body("budgets.totalBudgets[0].status", equalTo("2"))
                .body("budgets.regionBudgets[0].code", equalTo("798"))
                .body("budgets.regionBudgets[0].value.amount", equalTo("5000000.5"))
                .body("budgets.regionBudgets[0].value.currency", equalTo("EUR"))
                .body("budgets.countryBudgets.code", equalTo(List.of("ID", "XX")))
                .body("budgets.countryBudgets[0].periodEnd", equalTo("2026-12-31"));
        post(agency, file).statusCode(200).body("outcome", equalTo("UNCHANGED")).body("organisation.version", equalTo(1));
        post(agency, file.replace("120000000", "130000000")).statusCode(200).body("outcome", equalTo("UPDATED"))
                .body("organisation.version", equalTo(2));
    }

    @Test
    void anotherReporterOrOrganisationAndBrokenFilesAreRefused() {
        String agency = Fixtures.createAgency("iatiorg");
        String file = IatiFiles.read("organisation.xml");
        post(agency, file.replace("reporting-org ref=\"XM-DAC-41116\"", "reporting-org ref=\"XM-DAC-46004\"")).statusCode(422)
                .body("errors[0].field", equalTo("iati-organisation[1]/reporting-org/@ref"));
        post(agency, file.replace("<organisation-identifier>XM-DAC-41116", "<organisation-identifier>XM-DAC-41116-X")).statusCode(422)
                .body("errors[0].field", equalTo("organisation-identifier"));
        post(agency, file.replace("120000000", "lots")).statusCode(422)
                .body("errors[0].field", equalTo("iati-organisation[1]/total-budget[1]/value"));
        post(agency, IatiFiles.read("activities.xml")).statusCode(422)
                .body("errors[0].detail", startsWith("the root element is <iati-activities>, an IATI organisation file has <iati-organisations>"));
        post(agency, "<!DOCTYPE x><iati-organisations version=\"2.03\"/>").statusCode(400).body("errors[0].field", equalTo("body"));
        post(agency, "<iati-organisations version=\"1.05\"/>").statusCode(422);
        given().get("/v1/agencies/" + agency + "/iati-organisation").then().statusCode(404);
        given().header("Authorization", "Bearer " + TestTokens.agencyEditor(Fixtures.createAgency("iatiorg")))
                .contentType("application/xml; charset=utf-8").body(file)
                .post("/v1/agencies/" + agency + "/iati-organisation").then().statusCode(403);
    }
}
