package org.citycoop.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpVersion;
import org.citycoop.gateway.routing.EdgeRules;
import org.citycoop.gateway.routing.PathTemplates;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeRulesTest {

    private final EdgeRules rules = new EdgeRules(4096, 16 * 1024, PathTemplates.of(java.util.List.of(
            "/v1/agencies/{agencyId}", "/v1/agencies/{agencyId}/schemes/{ref}", "/v1/agencies/{agencyId}/schemes:batch",
            "/v1/schemes/{id}")));

    private Optional<EdgeRules.Refusal> check(String uri) {
        return rules.check(HttpVersion.HTTP_1_1, "GET", uri, true, MultiMap.caseInsensitiveMultiMap());
    }

    private void refused(String uri, int status, String field) {
        EdgeRules.Refusal refusal = check(uri).orElseThrow(() -> new AssertionError("accepted: " + uri));
        assertEquals(status, refusal.status(), uri);
        assertEquals(field, refusal.field(), uri);
    }

    @Test
    void ordinaryRequestsPass() {
        assertTrue(check("/v1/schemes?challenge=SOLID_WASTE&limit=5&q=%E9%83%BD%E5%B8%82+ごみ".replace("ごみ", "%E3%81%94%E3%81%BF")).isEmpty());
        assertTrue(check("/v1/schemes:export?format=csv").isEmpty());
        assertTrue(check("/v1/agencies/jica/schemes/SW-2027.01").isEmpty());
        assertTrue(check("/v1/schemes?q=").isEmpty());
        assertTrue(check("/v1/schemes?flag").isEmpty());
    }

    @Test
    void pathsTheServicesCouldReadDifferentlyAreRefusedNamingTheParameter() {
        refused("/v1/agencies/x;jsessionid=y", 400, "agencyId");
        refused("/v1/agencies/x%2Fy", 400, "agencyId");
        refused("/v1/agencies/x%5cy", 400, "agencyId");
        refused("/v1/agencies/./x", 400, "path"); // no template of that shape
        refused("/v1/agencies/jica/schemes/%2E%2E", 400, "ref");
        refused("/v1/agencies/x%00", 400, "agencyId");
        refused("/v1/agencies/x%zz/schemes/SW-1", 400, "agencyId");
        refused("/v1/agencies/x%C3%28/schemes:batch", 400, "agencyId");
        refused("/v1/agencies/x y", 400, "agencyId");
        refused("/v1/schemes/%ED%A0%80", 400, "id"); // an encoded lone surrogate is not UTF-8
        refused("/v1/agen%zzcies/x", 400, "path"); // a literal segment stands for no parameter
        refused("/v1/agencies/../clients", 400, "path");
        refused("*", 400, "path");
    }

    @Test
    void withoutTemplatesARefusedSegmentIsThePath() {
        EdgeRules plain = new EdgeRules(4096, 16 * 1024, PathTemplates.NONE);
        EdgeRules.Refusal refusal = plain.check(HttpVersion.HTTP_1_1, "GET", "/v1/agencies/x;y", true,
                MultiMap.caseInsensitiveMultiMap()).orElseThrow();
        assertEquals("path", refusal.field());
    }

    @Test
    void aTraceparentGivenTwiceIsRefusedNamingIt() {
        EdgeRules.Refusal refusal = rules.check(HttpVersion.HTTP_1_1, "GET", "/v1/schemes", true, MultiMap.caseInsensitiveMultiMap()
                .add("Host", "localhost").add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .add("traceparent", "00-11111111111111111111111111111111-2222222222222222-01")).orElseThrow();
        assertEquals(400, refusal.status());
        assertEquals("traceparent", refusal.field());
        assertTrue(rules.check(HttpVersion.HTTP_1_1, "GET", "/v1/schemes", true, MultiMap.caseInsensitiveMultiMap()
                .add("Host", "localhost").add("tracestate", "a=1").add("tracestate", "b=2")).isEmpty(), "tracestate may be split");
    }

    @Test
    void aHostThatIsNoHostAndATransferCodingOtherThanChunkedAreRefused() {
        for (String host : java.util.List.of("a<b", "a b", "[::1", "[zz]", "x:port", "a/b")) {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Host", host);
            EdgeRules.Refusal refusal = rules.check(HttpVersion.HTTP_1_1, "GET", "/v1/schemes", true, headers)
                    .orElseThrow(() -> new AssertionError("accepted Host " + host));
            assertEquals(400, refusal.status(), host);
            assertEquals("Host", refusal.field(), host);
        }
        for (String host : java.util.List.of("localhost", "api.citycoop.org:443", "127.0.0.1:8080", "[::1]:8080")) {
            assertTrue(rules.check(HttpVersion.HTTP_1_1, "GET", "/v1/schemes", true,
                    MultiMap.caseInsensitiveMultiMap().add("Host", host)).isEmpty(), host);
        }
        for (String coding : java.util.List.of("gzip, chunked", "identity", "xchunked")) {
            EdgeRules.Refusal refusal = rules.check(HttpVersion.HTTP_1_1, "POST", "/v1/matches", true,
                    MultiMap.caseInsensitiveMultiMap().add("Host", "localhost").add("Transfer-Encoding", coding)).orElseThrow();
            assertEquals(501, refusal.status(), coding);
            assertEquals("Transfer-Encoding", refusal.field(), coding);
        }
        assertTrue(rules.check(HttpVersion.HTTP_1_1, "POST", "/v1/matches", true,
                MultiMap.caseInsensitiveMultiMap().add("Host", "localhost").add("Transfer-Encoding", "Chunked")).isEmpty());
    }

    @Test
    void queryParametersAreNamed() {
        refused("/v1/schemes?limit=%zz", 400, "limit");
        refused("/v1/schemes?limit=5&q=%", 400, "q");
        refused("/v1/schemes?q=a%00b", 400, "q");
        refused("/v1/schemes?q=%ED%A0%80", 400, "q"); // an encoded lone surrogate is not UTF-8
        refused("/v1/schemes?q=a|b", 400, "query");
        refused("/v1/schemes?%zz=1", 400, "query");
        refused("/v1/schemes?q=a;cursor=x", 400, "query"); // the services would read a second parameter
        refused("/v1/schemes?sort=;drop", 400, "query");
        assertTrue(check("/v1/schemes?q=a%3Bb").isEmpty());
        refused("/v1/agencies#frag", 400, "uri");
        refused("/v1/schemes?limit=1#x", 400, "uri");
        assertTrue(check("/v1/schemes?q=%23tag").isEmpty());
    }

    @Test
    void versionHostExpectAndSizes() {
        MultiMap none = MultiMap.caseInsensitiveMultiMap();
        assertEquals(505, rules.check(null, "GET", "/v1/schemes", true, none).orElseThrow().status());
        assertEquals("Host", rules.check(HttpVersion.HTTP_1_1, "GET", "/v1/schemes", false, none).orElseThrow().field());
        assertTrue(rules.check(HttpVersion.HTTP_1_0, "GET", "/v1/schemes", false, none).isEmpty(), "HTTP/1.0 needs no Host");
        assertEquals(417, rules.check(HttpVersion.HTTP_1_1, "GET", "/v1/schemes", true,
                MultiMap.caseInsensitiveMultiMap().add("Expect", "anything")).orElseThrow().status());
        assertTrue(rules.check(HttpVersion.HTTP_1_1, "PUT", "/v1/schemes", true,
                MultiMap.caseInsensitiveMultiMap().add("Expect", "100-Continue")).isEmpty());
        assertEquals(414, check("/v1/schemes?q=" + "a".repeat(4100)).orElseThrow().status());
        assertEquals(431, rules.check(HttpVersion.HTTP_1_1, "GET", "/v1/schemes", true,
                MultiMap.caseInsensitiveMultiMap().add("X-Big", "b".repeat(17 * 1024))).orElseThrow().status());
        EdgeRules.Refusal control = rules.check(HttpVersion.HTTP_1_1, "GET", "/v1/schemes", true,
                MultiMap.caseInsensitiveMultiMap().add("X-Note", "a\u007fb")).orElseThrow();
        assertEquals("X-Note", control.field());
    }

    @Test
    void headersThatMustAppearOnceAndHeaderNames() {
        MultiMap twoHosts = MultiMap.caseInsensitiveMultiMap().add("Host", "a").add("Host", "b");
        assertEquals("Host", rules.check(HttpVersion.HTTP_1_1, "GET", "/v1/schemes", true, twoHosts).orElseThrow().field());
        MultiMap twoKeys = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer a").add("authorization", "Bearer b");
        assertEquals("Authorization", rules.check(HttpVersion.HTTP_1_1, "GET", "/v1/schemes", true, twoKeys).orElseThrow().field());
        MultiMap emptyName = MultiMap.caseInsensitiveMultiMap().add("", "x");
        assertEquals("headers", rules.check(HttpVersion.HTTP_1_1, "GET", "/v1/schemes", true, emptyName).orElseThrow().field());
        assertTrue(rules.check(HttpVersion.HTTP_1_1, "GET", "/v1/schemes", true,
                MultiMap.caseInsensitiveMultiMap().add("Accept", "a").add("Accept", "b")).isEmpty(), "list headers may repeat");
    }
}
