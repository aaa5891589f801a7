package org.citycoop.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.ValidatableResponse;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Request bodies and helpers shared by the HTTP tests; each test uses agencies of its own. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** A fresh agency id, so that tests sharing the database do not see each other's data. */
    public static String newAgencyId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ObjectNode agency() {
        return parse("""
                { "name": "UN Environment Programme, International Environmental Technology Centre",
                  "acronym": "UNEP-IETC", "organisationType": "40", "country": "JP",
                  "iatiOrgId": "XM-DAC-41116", "website": "https://www.unep.org/ietc", "contact": null,
                  "regionsServed": ["798"] }""");
    }

    /** The scheme of DESIGN.md's "An agency pushes a scheme". */
    public static ObjectNode scheme() {
        return parse("""
                { "name": "Air quality monitoring support for cities",
                  "names": { "en": "Air quality monitoring support for cities", "ja": "都市の大気質モニタリング支援" },
                  "description": "Technical assistance to set up city air quality monitoring networks.",
                  "descriptions": { "ja": "都市の大気質モニタリング網の整備に対する技術支援。" },
                  "supportTypes": ["TECHNICAL"], "challengeAreas": ["AIR_QUALITY"], "sectors": ["41010"],
                  "financeType": "110", "aidType": "D02",
                  "applicantTypes": ["LOCAL_GOVERNMENT"], "channel": "DIRECT",
                  "partnerCityRequired": null,
                  "eligibleCountries": ["VN", "ID"], "eligibleRegions": ["789"],
                  "fundingRange": { "min": { "amount": "10000", "currency": "USD" },
                                    "max": { "amount": "90000", "currency": "USD" } },
                  "processSteps": [ { "title": "Expression of interest", "actor": "CITY", "typicalDays": 14 } ],
                  "window": { "kind": "FIXED", "opens": "2027-01-10T09:00:00+09:00",
                              "deadline": "2027-03-31T23:59:00+09:00" },
                  "sourceUrl": "https://example.org/aq", "verifiedOn": "2026-11-29" }""");
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static ValidatableResponse putAgency(String agencyId, Object body) {
        return given().contentType("application/json").body(body.toString()).put("/v1/agencies/" + agencyId).then();
    }

    /** Creates an agency with the default content; fails the test unless it is created. */
    public static String createAgency(String prefix) {
        String id = newAgencyId(prefix);
        putAgency(id, agency()).statusCode(201);
        return id;
    }

    public static ValidatableResponse putScheme(String agencyId, String ref, Object body) {
        return given().contentType("application/json").body(body.toString())
                .put("/v1/agencies/" + agencyId + "/schemes/" + ref).then();
    }

    public static ValidatableResponse putScheme(String agencyId, String ref, Object body, String ifMatch) {
        return given().contentType("application/json").header("If-Match", ifMatch).body(body.toString())
                .put("/v1/agencies/" + agencyId + "/schemes/" + ref).then();
    }
}
