package org.citycoop.matching.subscriptions;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * With the production setting ({@code citycoop.matching.webhooks.allow-private-addresses=false}; the other tests
 * allow private addresses to reach their local receivers), {@code POST /v1/subscriptions} refuses webhooks to
 * loopback, private and link-local addresses (server-side request forgery) with a 422 naming {@code url}, and
 * stores nothing; a public address is taken.
 */
@QuarkusTest
@TestProfile(WebhookAddressRefusalTest.PublicAddressesOnly.class)
class WebhookAddressRefusalTest {

    /** The production setting for webhook addresses. */
    public static class PublicAddressesOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citycoop.matching.webhooks.allow-private-addresses", "false");
        }
    }

    @Test
    void refusesPrivateLoopbackAndLinkLocalAddressesAndTakesAPublicOne() {
        for (String url : List.of("http://127.0.0.1:8082/hook", "http://localhost/hook", "http://[::1]/hook", "http://10.1.2.3/hook",
                "http://172.16.5.4/hook", "http://192.168.0.10/hook", "http://169.254.169.254/latest/meta-data/")) {
            given().contentType(ContentType.JSON).body(Map.of("url", url, "mode", "DAILY_DIGEST")).post("/v1/subscriptions")
                    .then().statusCode(422).body("errors[0].field", equalTo("url"))
                    .body("errors[0].detail", containsString("public"));
        }
        String id = given().contentType(ContentType.JSON).body(Map.of("url", "https://93.184.215.14/citycoop-hook", "mode", "DAILY_DIGEST"))
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id");
        given().get("/v1/subscriptions/" + id).then().statusCode(200).body("url", equalTo("https://93.184.215.14/citycoop-hook"));
    }
}
