package org.citycoop.finder.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The finder's absolute links come from its configured public address, whatever {@code Host} (or {@code X-Forwarded-Host})
 * a request names: the embed snippet and the canonical and alternate links of a page (pages that need no API call).
 */
@QuarkusTest
@TestProfile(PublicAddressPagesTest.Configured.class)
class PublicAddressPagesTest {

    public static class Configured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citycoop.finder.public-url", "https://citycoop.example.org/");
        }
    }

    @Test
    void theEmbedSnippetAndCanonicalLinksNameThePublicAddressNotTheRequestsHost() {
        given().header("Host", "attacker.example:8443").header("X-Forwarded-Host", "forwarded.example")
                .get("/finder/ja/embed").then().statusCode(200)
                .body(containsString("&lt;iframe src=\"https://citycoop.example.org/finder/ja/\""))
                .body(containsString("&lt;script src=\"https://citycoop.example.org/finder/embed.js\""))
                .body(containsString("<link rel=\"canonical\" href=\"https://citycoop.example.org/finder/ja/embed\">"))
                .body(containsString("hreflang=\"en\" href=\"https://citycoop.example.org/finder/en/embed\""))
                .body(not(containsString("attacker.example"))).body(not(containsString("forwarded.example")));
    }

    @Test
    void theFirstVisitGoesToItsLanguageOnTheAddressItCameBy() {
        given().redirects().follow(false).header("Host", "attacker.example").header("Accept-Language", "ja, en;q=0.5")
                .get("/finder").then().statusCode(303).header("Location", "/finder/ja/").header("Vary", "Accept-Language");
        // a shared search keeps its filters through the redirect, as sent
        given().redirects().follow(false).urlEncodingEnabled(false).header("Accept-Language", "en")
                .get("/finder/?challenge=SOLID_WASTE&q=%E5%A0%86%E8%82%A5").then().statusCode(303)
                .header("Location", "/finder/en/?challenge=SOLID_WASTE&q=%E5%A0%86%E8%82%A5");
    }
}
