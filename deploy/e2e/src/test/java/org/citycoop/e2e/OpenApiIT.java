package org.citycoop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.citycoop.devstack.OpenApiCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merged OpenAPI document the gateway serves, made of the documents the packaged services generate:
 * valid ({@link OpenApiCheck}), and true to what the suite does for a caller without a key.
 */
class OpenApiIT {

    private static JsonNode document;

    @BeforeAll
    static void fetch() throws Exception {
        RunningSuite.get();
        String json = given().get("/q/openapi").then().statusCode(200).extract().asString();
        document = OpenApiCheck.check(json);
    }

    @Test
    void everyServiceIsInTheMergedDocument() {
        assertTrue(document.path("x-citycoop-unavailable").isMissingNode(), document.path("x-citycoop-unavailable").toString());
        for (String path : List.of("/v1/schemes", "/v1/matches", "/v1/twinnings", "/v1/clients")) {
            assertTrue(document.path("paths").has(path), path);
        }
    }

    @Test
    void publicReadsNeedNoKeyAndTheOthersNeedOne() {
        JsonNode paths = document.path("paths");
        for (String path : List.of("/v1/schemes", "/v1/schemes/{id}", "/v1/agencies", "/v1/vocabularies/{name}", "/v1/cities",
                "/v1/twinnings/{id}")) {
            assertTrue(OpenApiCheck.isPublic(paths.path(path).path("get")), "GET " + path + " is public");
        }
        assertTrue(!OpenApiCheck.isPublic(paths.path("/v1/matches").path("post")), "POST /v1/matches needs a key");
        assertTrue(!OpenApiCheck.isPublic(paths.path("/v1/agencies/{agencyId}/schemes/{ref}").path("put")), "PUT scheme needs a key");
        assertTrue(!OpenApiCheck.isPublic(paths.path("/v1/clients").path("post")), "POST /v1/clients needs a key");
    }

    /** Every operation without path parameters, called without a key: refused exactly when the document says a key is needed. */
    @Test
    void theDocumentedSecurityIsWhatTheSuiteDoes() {
        List<String> wrong = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().contains("{")) {
                return;
            }
            path.getValue().fields().forEachRemaining(op -> {
                if (!List.of("get", "post", "put", "delete").contains(op.getKey())) {
                    return;
                }
                int status = given().contentType("application/json").body(op.getKey().equals("get") || op.getKey().equals("delete") ? "" : "{}")
                        .request(op.getKey().toUpperCase(), path.getKey()).statusCode();
                boolean refused = status == 401 || status == 403;
                if (refused == OpenApiCheck.isPublic(op.getValue())) {
                    wrong.add(op.getKey().toUpperCase() + " " + path.getKey() + " without a key: " + status
                            + ", documented " + op.getValue().path("security"));
                }
            });
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("/q/openapi"));
    }
}
