package org.citycoop.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import org.citycoop.devstack.Suite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheme finder in a real browser: Debian's Chromium ({@code /usr/bin/chromium}, or {@code -Dfinder.chromium=}; headless;
 * without it the class is skipped, and {@code .ci/run} installs it) driven by Playwright, on
 * the packaged suite through the gateway ({@code /finder/...}), with the seed catalogue. Every page is checked with
 * axe-core (no serious or critical violation of WCAG 2.2 A/AA); screenshots go to {@code target/finder-screenshots/}.
 * The finder of this suite may be framed by {@link Suite#ALLOWED_EMBEDDING_ORIGIN}; a page of this test's own small HTTP
 * server embeds it from that origin ({@code http://localhost:<port>}) and from one not on the list
 * ({@code http://127.0.0.1:<port>}).
 */
class FinderIT {

    private static final Path SCREENSHOTS = Path.of("target", "finder-screenshots");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static RunningSuite running;
    private static String gateway;
    private static Playwright playwright;
    private static Browser browser;
    private static HttpServer embedder;
    private static int embedderPort;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void startSuiteAndBrowser() throws Exception {
        Path chromium = Path.of(System.getProperty("finder.chromium", "/usr/bin/chromium"));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(chromium), "FinderIT needs Chromium at " + chromium
                + " (Debian: apt-get install -y chromium; another path: -Dfinder.chromium=...): the finder's browser tests are skipped");
        running = RunningSuite.get();
        gateway = running.suite.gatewayUrl().toString();
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(chromium).setArgs(List.of("--no-sandbox", "--disable-background-networking")));
        embedder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        embedder.createContext("/embedding.html", exchange -> {
            byte[] body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>The secretariat's site</title></head>"
                    + "<body><h1>The secretariat's site</h1><iframe src=\"" + gateway + "/finder/en/\" title=\"Scheme finder\" "
                    + "data-citycoop-finder style=\"width:100%;height:300px;border:0\"></iframe>"
                    + "<script src=\"" + gateway + "/finder/embed.js\"></script></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        embedder.start();
        embedderPort = embedder.getAddress().getPort();
    }

    @AfterAll
    static void stopBrowser() {
        if (embedder != null) {
            embedder.stop(0);
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openContext() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setTimezoneId("Europe/Berlin"));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void aSearchWithTwoFiltersSurvivesAReloadWithTheSameResults() {
        open("/finder/en/");
        page.getByLabel("Solid waste").first().check();
        page.waitForURL(url -> url.contains("challenge=SOLID_WASTE"));
        page.getByLabel("Technical assistance").first().check();
        page.waitForURL(url -> url.contains("supportType=TECHNICAL") && url.contains("challenge=SOLID_WASTE"));
        page.locator("#search-area").waitFor();
        List<String> before = titles();
        assertFalse(before.isEmpty(), "solid waste schemes with technical assistance are in the seed");
        String count = page.locator("#results-heading").innerText();
        page.reload();
        assertEquals(before, titles(), "the same results after a reload");
        assertEquals(count, page.locator("#results-heading").innerText());
        assertTrue(page.getByLabel("Solid waste").first().isChecked());
        assertTrue(page.getByLabel("Technical assistance").first().isChecked());
        for (Locator card : page.locator("article.card").all()) {
            assertTrue(card.locator(".tags").innerText().contains("Solid waste"), card.innerText());
            assertTrue(card.locator(".tags").innerText().contains("Technical assistance"), card.innerText());
        }
        // each group is counted with the other groups' choices only: the number beside another area is what ticking it finds
        int water = Integer.parseInt(page.locator("label.check:has(input[name='challenge'][value='WATER_AND_WASTEWATER']) .count")
                .first().innerText().strip());
        assertEquals(given().queryParam("supportType", "TECHNICAL").queryParam("challenge", "WATER_AND_WASTEWATER").queryParam("limit", 100)
                .get("/v1/schemes").then().statusCode(200).extract().jsonPath().getList("items").size(), water);
        assertTrue(water > 0, "the seed has water schemes with technical assistance");
        // each card shows what a city needs at a glance
        Locator first = page.locator("article.card").first();
        for (String label : List.of("status", "deadline", "funding", "who may apply", "channel")) {
            assertTrue(first.innerText().toLowerCase(java.util.Locale.ROOT).contains(label), first.innerText());
        }
        noSeriousAccessibilityViolations("search with filters");
        screenshot("search-en");
        page.setViewportSize(1024, 760);
        page.evaluate("window.scrollTo(0, 0)"); // the README shows the page's top: filters and the first results
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("readme-search.png")));
    }

    @Test
    void withoutJavaScriptTheSearchFormStillSearches() {
        BrowserContext plain = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        try {
            Page noScript = plain.newPage();
            noScript.navigate(gateway + "/finder/en/");
            noScript.getByLabel("Solid waste").first().check();
            noScript.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Apply filters")).click();
            noScript.waitForURL(url -> url.contains("challenge=SOLID_WASTE"));
            assertTrue(noScript.locator("article.card").count() > 0);
            assertTrue(noScript.getByLabel("Solid waste").first().isChecked());
        } finally {
            plain.close();
        }
    }

    @Test
    void aSchemePageShowsItsStepsInOrderAndWhereItComesFrom() {
        String id = given().queryParam("limit", 100).get("/v1/schemes")
                .then().statusCode(200).extract().path("items.find { it.processSteps.size() > 2 }.id");
        List<String> steps = given().get("/v1/schemes/" + id).then().extract().path("processSteps.title");
        open("/finder/en/schemes/" + id);
        assertEquals(steps, page.locator("ol.steps li .step-title").allInnerTexts(), "every step, in order");
        assertTrue(page.getByText("How to apply").isVisible());
        assertTrue(page.locator("main").innerText().contains("Checked against the source on"));
        noSeriousAccessibilityViolations("scheme page");
        screenshot("scheme-en");

        open("/finder/en/agencies");
        noSeriousAccessibilityViolations("agencies");
        page.getByText("UNEP", new Page.GetByTextOptions().setExact(false)).first().click();
        page.waitForURL(url -> url.contains("/finder/en/agencies/"));
        assertTrue(page.locator("article.card").count() > 0);
        noSeriousAccessibilityViolations("agency page");
    }

    @Test
    void whatFitsSurabayasSolidWasteNeedsShowsRankedMatchesWithReasons() {
        open("/finder/en/fit");
        page.getByLabel("City").fill("Surab");
        page.locator("#city-options option[value='Surabaya, ID']").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        page.getByLabel("City").fill("Surabaya, ID");
        page.getByLabel("Solid waste").selectOption("1");
        page.getByLabel("Institutions").selectOption("2");
        page.getByLabel("Technical assistance").check();
        page.getByLabel("Grant").check();
        page.getByLabel("Amount").fill("300000");
        page.getByLabel("Also show the schemes left out").check();
        noSeriousAccessibilityViolations("fit form");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the schemes that fit")).click();
        page.waitForURL(url -> url.contains("city=Surabaya"));
        // the matching service's read model follows the catalogue's events: wait until it holds the seed
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (page.locator("ol.match-list li").count() < 3 && Instant.now().isBefore(until)) {
            page.waitForTimeout(1000);
            page.reload();
        }
        assertTrue(page.locator("#matches-heading").innerText().contains("Surabaya (Indonesia)"));
        Locator best = page.locator("ol.match-list li").first();
        assertTrue(best.innerText().contains("Score"), best.innerText());
        // like a search result, each match says who may apply and through which channel (from the match answer itself):
        // the GEF medium-size project is open to anyone, through an accredited implementing agency
        String facts = best.locator("dl.facts").innerText().toLowerCase(java.util.Locale.ROOT); // labels are in capitals by CSS
        assertTrue(facts.contains("who may apply") && facts.contains("channel"), facts);
        String matchList = page.locator("ol.match-list").innerText();
        assertTrue(matchList.contains("through an accredited implementing agency") && matchList.contains("Anyone"), matchList);
        String reasons = best.locator(".reasons").innerText();
        assertTrue(reasons.contains("Budget") && reasons.contains("Challenges"), reasons);
        // the budget's reason, where a scheme states its funding range, names the city's budget, in words
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)");
        String allReasons = page.locator("ol.match-list").innerText();
        assertTrue(allReasons.contains("Your budget of USD 300,000"), allReasons);
        assertTrue(allReasons.contains("Local government may apply."), allReasons);
        plainWords(page.locator("main").innerText());
        // the left-out schemes and why (on the current catalogue the first of them are for national governments), ten at a
        // time: the seed has more than ten for these needs, and a link shows the next ones
        Locator leftOut = page.locator("li.left-out");
        assertEquals(10, leftOut.count(), "the first ten schemes left out");
        assertTrue(leftOut.first().innerText().contains("not met"), leftOut.first().innerText());
        String tenth = leftOut.nth(9).getAttribute("id");
        page.locator("a.more-left-out").click();
        page.waitForURL(url -> url.contains("leftOutAfter=" + tenth.substring(2)));
        assertTrue(leftOut.count() > 10 && leftOut.count() <= 20, "ten more: " + leftOut.count());
        assertEquals(tenth, leftOut.nth(9).getAttribute("id"), "the first ten stay, the next follow");
        assertTrue(page.url().endsWith("#" + leftOut.nth(10).getAttribute("id")), "the link leads to the first new one: " + page.url());
        noSeriousAccessibilityViolations("more schemes left out");
        // namesakes are told apart in the type-ahead: each offered once, with its size, and chosen by its GeoNames id
        String options = given().queryParam("city", "San Fernando").get("/finder/en/cities").then().statusCode(200).extract().asString();
        List<String> values = new java.util.ArrayList<>();
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("value=\"([^\"]*)\"").matcher(options);
        while (value.find()) {
            values.add(value.group(1));
        }
        assertEquals(values.size(), new java.util.HashSet<>(values).size(), "no option twice: " + values);
        String namesake = values.stream().filter(v -> v.startsWith("San Fernando, PH #")).findFirst().orElseThrow(() -> new AssertionError(options));
        assertTrue(options.contains("inhabitants"), options);
        open("/finder/en/fit?city=" + java.net.URLEncoder.encode(namesake, java.nio.charset.StandardCharsets.UTF_8) + "&p.SOLID_WASTE=1");
        assertEquals(namesake, page.locator("#city").inputValue(), "the city chosen stays chosen");
        // a link naming the city by its GeoNames id (Surabaya's) shows the city's name in the box, as if typed
        open("/finder/en/fit?city=1625822&p.SOLID_WASTE=1");
        assertEquals("Surabaya, ID", page.locator("#city").inputValue());
        assertTrue(page.locator("#matches-heading").innerText().contains("Surabaya"), page.locator("#matches-heading").innerText());
        // a cursor that names none of them (the ranking changed, or the link is damaged): said, and the first ten
        open("/finder/ja/fit?city=Surabaya%2C+ID&p.SOLID_WASTE=1&leftOut=1&leftOutAfter=00000000-0000-0000-0000-000000000000");
        assertTrue(page.locator(".notice").innerText().contains("最初から表示しています"), page.locator(".notice").innerText());
        assertEquals(10, page.locator("li.left-out").count());
        open("/finder/en/fit?city=Surabaya%2C+ID&p.SOLID_WASTE=1&p.INSTITUTIONS=2&supportType=TECHNICAL&supportType=FINANCIAL"
                + "&budget=300000&leftOut=1");
        assertTrue(page.locator("main").innerText().contains("Twinning arrangements of Surabaya"));
        String twinnings = page.locator("ul.twinnings").innerText();
        assertTrue(twinnings.matches("(?s).*· (proposed|agreed|active|completed|suspended|ended early).*"), "statuses in words: " + twinnings);
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)");
        plainWords(page.locator("main").innerText());
        assertEquals("Cities that could partner on Solid waste", page.locator("#partners-heading").innerText());
        noSeriousAccessibilityViolations("matches");
        screenshot("fit-surabaya-en");
        part(page.locator("ol.match-list > li"), "fit-reasons-en");
        part(page.locator("ul.twinnings"), "fit-twinnings-en");
        part(page.locator("ul.partners"), "fit-partners-en");
        part(page.locator("p.more"), "fit-more-left-out-en");
        page.setViewportSize(1024, 760);
        page.locator("#matches-heading").scrollIntoViewIfNeeded();
        page.evaluate("document.getElementById('matches-heading').scrollIntoView()");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("readme-fit.png")));
    }

    @Test
    void japaneseVisitorsGetJapanesePagesAndASwitchToEnglish() {
        BrowserContext japanese = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP").setTimezoneId("Asia/Tokyo"));
        try {
            Page ja = japanese.newPage();
            ja.navigate(gateway + "/finder");
            ja.waitForURL(url -> url.endsWith("/finder/ja/"));
            assertEquals("ja", ja.locator("html").getAttribute("lang"));
            assertEquals("支援スキームを探す", ja.locator("h1").innerText());
            assertTrue(ja.getByLabel("固形廃棄物").first().isVisible());
            page = ja;
            noSeriousAccessibilityViolations("search in Japanese");
            screenshot("search-ja");
            ja.getByLabel("固形廃棄物").first().check();
            ja.waitForURL(url -> url.contains("challenge=SOLID_WASTE"));
            ja.locator("article.card h3 a").first().click();
            ja.waitForURL(url -> url.contains("/finder/ja/schemes/"));
            assertTrue(ja.locator("main").innerText().contains("申請の手順"));
            noSeriousAccessibilityViolations("scheme page in Japanese");
            ja.navigate(gateway + "/finder/ja/fit?city=Surabaya%2C+ID&p.SOLID_WASTE=1&supportType=TECHNICAL&budget=300000");
            assertTrue(ja.locator("#matches-heading").innerText().contains("に合うスキーム"), ja.locator("main").innerText());
            // each criterion's reason is labelled and in Japanese, worded from the values compared, without codes
            String reasons = ja.locator("ol.match-list li").first().locator(".reasons").innerText();
            assertTrue(reasons.contains("関連性") && reasons.contains("固形廃棄物に取り組むスキームです。") && reasons.contains("予算"), reasons);
            ja.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)");
            String allReasons = ja.locator("ol.match-list").innerText();
            assertTrue(allReasons.contains("地方自治体が申請できます。") && allReasons.contains("予算 300,000 USD"), allReasons);
            assertEquals(0, ja.locator(".reasons .detail[lang='en']").count(), "no reason left in the service's English");
            // a scheme without a Japanese name is shown in English, marked as such (IGES CCET has an English name only)
            Locator englishNames = ja.locator("ol.match-list h3:has(a[lang='en'])");
            assertTrue(englishNames.count() > 0, "English names on the Japanese page: " + englishNames.count());
            englishNames.all().forEach(name -> assertTrue(name.innerText().contains("（英語）") || name.innerText().contains("(英語)"), name.innerText()));
            assertTrue(ja.locator("ol.match-list h3:not(:has(a[lang='en']))").count() > 0, "JICA's schemes keep their Japanese names");
            String main = ja.locator("main").innerText();
            plainWords(main);
            for (String english : List.of("addresses", "open to", "budget", "deadline", "km apart", "populations", "offers")) {
                assertFalse(main.contains(english), "English '" + english + "' on a Japanese page: " + main);
            }
            noSeriousAccessibilityViolations("matches in Japanese");
            screenshot("fit-surabaya-ja");
            part(ja.locator("ol.match-list > li"), "fit-reasons-ja");
            part(ja.locator("ul.twinnings"), "fit-twinnings-ja");
            part(ja.locator("ul.partners"), "fit-partners-ja");
            // the switch leads to the same page in English
            ja.locator("a.lang-switch").click();
            ja.waitForURL(url -> url.contains("/finder/en/fit?city=Surabaya"));
            assertEquals("en", ja.locator("html").getAttribute("lang"));
        } finally {
            japanese.close();
        }
    }

    @Test
    void aCountryIsOneChoiceWhoseCountIsTheResultsAndAStaleCursorShowsTheFirstPage() {
        open("/finder/en/?challenge=SOLID_WASTE");
        assertEquals(0, page.locator("input[name=country]").count(), "no country tick boxes with counts of something else");
        page.getByLabel("Open to applicants from").selectOption("ID");
        page.waitForURL(url -> url.contains("country=ID") && url.contains("challenge=SOLID_WASTE"));
        page.locator("#country option:checked").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        int expected = given().urlEncodingEnabled(false).queryParam("challenge", "SOLID_WASTE").queryParam("country", "ID").get("/v1/schemes:facets")
                .then().statusCode(200).extract().path("total");
        assertEquals("Schemes found: " + expected, page.locator("#results-heading").innerText(),
                "the number found is that of the schemes open to Indonesia's applicants");
        assertEquals("Indonesia", page.locator("#country option:checked").innerText());
        assertTrue(page.locator("#country option").count() > 3, "other countries stay on offer");
        noSeriousAccessibilityViolations("search by country");
        screenshot("search-country-en");
        part(page.locator("div.facet:has(#country)"), "search-country-filter-en");
        open("/finder/ja/?challenge=SOLID_WASTE&country=ID&country=VN");
        assertEquals("インドネシア", page.locator("#country option:checked").innerText());
        assertTrue(page.locator(".notice").innerText().contains("国は一度に一つだけ"), page.locator(".notice").innerText());
        screenshot("search-country-ja");
        part(page.locator(".notice"), "search-one-country-notice-ja");
        part(page.locator("div.facet:has(#country)"), "search-country-filter-ja");

        // a cursor the catalogue does not take: a message in the visitor's language and the first page, not the API's text
        String firstPage = titlesOf("/finder/ja/?challenge=SOLID_WASTE");
        open("/finder/ja/?challenge=SOLID_WASTE&cursor=bm90LWEtY3Vyc29y");
        String notice = page.locator(".notice").innerText();
        assertTrue(notice.contains("最初のページを表示しています"), notice);
        assertFalse(page.locator("main").innerText().contains("cursor"), page.locator("main").innerText());
        assertEquals(firstPage, String.join("|", titles()), "the first page");
        assertEquals(0, page.locator("nav.pages a:not([rel=next])").count(), "no link back to a first page: this is it");
        noSeriousAccessibilityViolations("stale cursor in Japanese");
        screenshot("search-stale-cursor-ja");
        part(page.locator(".notice"), "search-stale-cursor-notice-ja");
        String firstPageInEnglish = titlesOf("/finder/en/?challenge=SOLID_WASTE");
        open("/finder/en/?challenge=SOLID_WASTE&cursor=a%20b%3C");
        assertTrue(page.locator(".notice").innerText().contains("out of date or damaged, so the first page is shown"),
                page.locator(".notice").innerText());
        assertEquals(firstPageInEnglish, String.join("|", titles()));
    }

    @Test
    void theCityHintsExamplesAreFoundOnTheSeedRegistry() {
        for (String lang : List.of("en", "ja")) {
            open("/finder/" + lang + "/fit");
            String hint = page.locator("#city-hint").innerText();
            String examples = hint.substring(hint.indexOf(lang.equals("ja") ? "例：" : "e.g. ") + (lang.equals("ja") ? 2 : 5));
            for (String example : examples.split("、| or ")) {
                String name = example.strip();
                page.locator("#city").fill(name.substring(0, Math.min(name.length(), 6)));
                page.locator("#city-options option[value^='" + name + "']").first()
                        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(10_000));
            }
        }
    }

    @Test
    void badInputGetsAReadableMessageOnThePageInTheVisitorsLanguage() {
        Response response = open("/finder/en/?challenge=NOPE&deadlineAfter=31-03-2027&amountMin=lots&q=" + "x".repeat(300));
        assertEquals(200, response.status());
        String notice = page.locator(".notice").innerText();
        assertTrue(notice.contains("NOPE") && notice.contains("not a date") && notice.contains("not an amount")
                && notice.contains("longer than 200"), notice);
        noSeriousAccessibilityViolations("search with bad input");
        open("/finder/ja/?status=SOMETIMES");
        assertTrue(page.locator(".notice").innerText().contains("SOMETIMES"), page.locator(".notice").innerText());
        assertTrue(page.locator(".notice").innerText().contains("不明な値"));
        open("/finder/en/fit?city=Xyzzyville&p.SOLID_WASTE=1");
        assertTrue(page.locator(".notice").innerText().contains("No city called \"Xyzzyville\""), page.locator(".notice").innerText());
        Response missing = open("/finder/en/schemes/00000000-0000-0000-0000-000000000000");
        assertEquals(404, missing.status());
        assertEquals("This page does not exist", page.locator("h1").innerText());
        assertFalse(page.content().contains("Exception"));
        noSeriousAccessibilityViolations("page not found");
        // addresses the gateway refuses before the finder sees them: the finder's page, in the address's language
        Response tooLong = open("/finder/ja/?q=" + "x".repeat(5000));
        assertEquals(414, tooLong.status());
        assertEquals("このアドレスは読み取れません", page.locator("h1").innerText());
        assertTrue(page.locator("main").innerText().contains("長すぎて"), page.locator("main").innerText());
        noSeriousAccessibilityViolations("address too long");
        Response badBytes = open("/finder/en/?q=%FF%FE");
        assertEquals(400, badBytes.status());
        assertEquals("This address cannot be read", page.locator("h1").innerText());
        assertTrue(page.locator("a[href='/finder/en/']").count() > 0, "a way back to the search");
        given().urlEncodingEnabled(false).get("/finder/en/?q=%C0%AF").then().statusCode(400).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store").body(containsString("lang=\"en\"")).body(not(containsString("\"status\"")));
        given().urlEncodingEnabled(false).get("/v1/schemes?q=%FF").then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("q")); // the API keeps its problem documents
        // malformed negotiation headers are ignored, as RFC 9110 allows: the page in its path's language
        for (String[] header : new String[][] {{"Accept-Language", "en;q=2"}, {"Accept-Language", "a,,"}, {"Accept", "*/*;q=x"}}) {
            given().header(header[0], header[1]).get("/finder/ja/").then().statusCode(200)
                    .contentType(containsString("text/html")).body(containsString("lang=\"ja\""));
            given().redirects().follow(false).header(header[0], header[1]).get("/finder/").then().statusCode(303);
        }
    }

    @Test
    void theFinderEmbedsInAnAllowedOriginAndIsRefusedByOthers() {
        page.navigate("http://localhost:" + embedderPort + "/embedding.html");
        Frame finder = waitForFrame(page, "/finder/en/");
        finder.locator("h1").waitFor();
        assertEquals("Find support schemes", finder.locator("h1").innerText());
        // embed.js makes the frame as tall as the finder's page
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (frameHeight() <= 300 && Instant.now().isBefore(until)) {
            page.waitForTimeout(200);
        }
        assertTrue(frameHeight() > 300, "the frame grew to its content: " + frameHeight());
        screenshot("embedded-allowed");

        page.navigate("http://127.0.0.1:" + embedderPort + "/embedding.html");
        page.waitForTimeout(1500);
        boolean shown = page.frames().stream().anyMatch(f -> {
            try {
                return f != page.mainFrame() && f.locator("h1").count() > 0 && f.locator("h1").innerText().contains("Find support schemes");
            } catch (RuntimeException e) {
                return false;
            }
        });
        assertFalse(shown, "a page of an origin not on the list cannot frame the finder");
        given().get("/finder/en/").then().header("Content-Security-Policy",
                containsString("frame-ancestors 'self' " + Suite.ALLOWED_EMBEDDING_ORIGIN));
        open("/finder/en/embed");
        assertTrue(page.locator("pre.snippet").innerText().contains("<iframe src=\"" + gateway + "/finder/en/\""));
        // absolute links come from the finder's configured public address, not from what a request names as its host
        given().header("Host", "attacker.example").header("X-Forwarded-Host", "forwarded.example").get("/finder/en/embed").then()
                .statusCode(200).body(containsString("&lt;iframe src=\"" + gateway + "/finder/en/\""))
                .body(containsString("<link rel=\"canonical\" href=\"" + gateway + "/finder/en/embed\">"))
                .body(org.hamcrest.Matchers.not(containsString("attacker.example")))
                .body(org.hamcrest.Matchers.not(containsString("forwarded.example")));
        given().header("Host", "attacker.example").get("/finder/en/?agency=unep-ietc").then().statusCode(200)
                .body(containsString("webcal://" + gateway.replaceFirst("^https?://", "") + "/finder/en/deadlines.ics?agency=unep-ietc"));
        String feed = given().header("Host", "attacker.example").get("/finder/en/feed.atom?agency=unep-ietc").then().statusCode(200)
                .extract().asString();
        assertTrue(feed.contains("href=\"" + gateway + "/finder/en/schemes/") && !feed.contains("attacker.example"), feed);
        noSeriousAccessibilityViolations("embed page");
    }

    @Test
    void at390PixelsWideNothingScrollsSideways() {
        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("en-GB"));
        try {
            page = phone.newPage();
            for (String path : List.of("/finder/en/?challenge=SOLID_WASTE", "/finder/en/fit?city=Surabaya%2C+ID&p.SOLID_WASTE=1&supportType=TECHNICAL",
                    "/finder/en/agencies", "/finder/ja/", "/finder/ja/?challenge=SOLID_WASTE&country=ID",
                    "/finder/ja/fit?city=Surabaya%2C+ID&p.SOLID_WASTE=1&budget=300000&leftOut=1")) {
                open(path);
                int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
                assertTrue(width <= 390, path + " is " + width + " px wide");
                noSeriousAccessibilityViolations(path + " at 390 px");
            }
            open("/finder/en/?challenge=SOLID_WASTE");
            screenshot("search-390");
            open("/finder/ja/fit?city=Surabaya%2C+ID&p.SOLID_WASTE=1&budget=300000&leftOut=1");
            page.locator("ol.match-list details.reasons").first().evaluate("d => d.open = true");
            screenshot("fit-ja-390");
            part(page.locator("ol.match-list > li"), "fit-reasons-ja-390");
            part(page.locator("li.left-out"), "fit-left-out-ja-390");
            part(page.locator("p.more"), "fit-more-left-out-ja-390");
            open("/finder/en/?challenge=SOLID_WASTE&country=ID");
            screenshot("search-country-390");
            part(page.locator("div.facet:has(#country)"), "search-country-filter-390");
        } finally {
            phone.close();
        }
    }

    @Test
    void aSearchsFeedsFollowTheCatalogueAndADeadlineThatMoves() {
        String unep = "Bearer " + running.credentials.agency("unep-ietc");
        String ref = "FINDER-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String body = """
                { "name": "Composting pilots for finder subscribers", "supportTypes": ["TECHNICAL"], "challengeAreas": ["SOLID_WASTE"],
                  "applicantTypes": ["LOCAL_GOVERNMENT"], "channel": "DIRECT", "eligibleCountries": ["FJ"],
                  "processSteps": [ { "title": "Concept note", "actor": "CITY", "typicalDays": 14 } ],
                  "window": { "kind": "FIXED", "opens": "2026-01-10T09:00:00+09:00", "deadline": "%s" } }""";
        io.restassured.response.Response created = given().header("Authorization", unep).contentType(ContentType.JSON)
                .body(body.formatted("2099-03-31T23:59:00+09:00")).put("/v1/agencies/unep-ietc/schemes/" + ref);
        created.then().statusCode(201);
        String id = created.path("id");
        String calendar = given().get("/finder/en/deadlines.ics?agency=unep-ietc").then().statusCode(200)
                .contentType(containsString("text/calendar")).extract().asString();
        assertTrue(calendar.contains("UID:" + id + "@citycoop.org") && calendar.contains("DTSTART:20990331T145900Z")
                && calendar.contains("SEQUENCE:1"), calendar);
        given().header("Authorization", unep).header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body(body.formatted("2099-04-30T23:59:00+09:00")).put("/v1/agencies/unep-ietc/schemes/" + ref).then().statusCode(200);
        String moved = given().get("/finder/en/deadlines.ics?agency=unep-ietc").then().statusCode(200).extract().asString();
        assertTrue(moved.contains("UID:" + id + "@citycoop.org") && moved.contains("DTSTART:20990430T145900Z")
                && moved.contains("SEQUENCE:2"), "the same event, moved: " + moved);
        String atom = given().get("/finder/en/feed.atom?challenge=SOLID_WASTE").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asString();
        assertTrue(atom.contains("<id>urn:uuid:" + id + "</id>") && atom.contains("Composting pilots for finder subscribers"), atom);

        // the page links the search's feeds, and shows the deadline in the agency's time and the visitor's (Berlin)
        open("/finder/en/?agency=unep-ietc");
        assertTrue(page.locator("a[type='application/atom+xml']").getAttribute("href").startsWith("/finder/en/feed.atom?agency=unep-ietc"));
        assertTrue(page.locator("a[href^='webcal://']").getAttribute("href").contains("/finder/en/deadlines.ics?agency=unep-ietc"));
        open("/finder/en/schemes/" + id);
        String deadline = page.locator("dl.facts").first().innerText();
        assertTrue(deadline.contains("(UTC+09:00)") && deadline.contains("Europe/Berlin"), deadline);
        screenshot("scheme-with-deadline-en");
    }

    @Test
    void assetsAreFingerprintedAndCachedForAYearAndPagesStaySmall() {
        String html = given().get("/finder/en/").then().statusCode(200).extract().asString();
        java.util.regex.Matcher css = java.util.regex.Pattern.compile("/finder/assets/app\\.[0-9a-f]{10}\\.css").matcher(html);
        assertTrue(css.find(), "a fingerprinted stylesheet");
        given().get(css.group()).then().statusCode(200).contentType(containsString("text/css"))
                .header("Cache-Control", containsString("immutable"));
        given().get("/finder/assets/app.0000000000.css").then().statusCode(404);
        assertTrue(html.getBytes(StandardCharsets.UTF_8).length < 150_000, "under 150 KB");
        given().contentType(ContentType.JSON).body("{}").post("/finder/en/").then().statusCode(405);
    }

    private Response open(String path) {
        return page.navigate(gateway + path);
    }

    /** The result titles of a search page, joined. */
    private String titlesOf(String path) {
        open(path);
        return String.join("|", titles());
    }

    /**
     * Words for people: none of the API's codes (SOLID_WASTE, PARTLY_MET, an arrangement's ACTIVE) and none of its
     * bracketed lists or thresholds.
     */
    private static void plainWords(String text) {
        java.util.regex.Matcher code = java.util.regex.Pattern.compile(
                "\\b([A-Z]+_[A-Z_]+|MET|FAILED|PROPOSED|AGREED|ACTIVE|COMPLETED|SUSPENDED|TERMINATED)\\b|\\[|MET up to").matcher(text);
        assertFalse(code.find(), () -> "developer output '" + code.group() + "' in: " + text);
    }

    private List<String> titles() {
        return new ArrayList<>(page.locator("article.card h3").allInnerTexts());
    }

    private int frameHeight() {
        return ((Number) page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")).intValue();
    }

    private static Frame waitForFrame(Page page, String path) {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(until)) {
            for (Frame frame : page.frames()) {
                if (frame.url().contains(path)) {
                    return frame;
                }
            }
            page.waitForTimeout(100);
        }
        throw new AssertionError("no frame with " + path + ": " + page.frames().stream().map(Frame::url).toList());
    }

    private void noSeriousAccessibilityViolations(String what) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
        List<String> serious = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                serious.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
        assertTrue(serious.isEmpty(), what + ": " + serious);
    }

    /** A screenshot of the first element a locator finds, when there is one: the part of a page a change touched. */
    private static void part(Locator locator, String name) {
        if (locator.count() > 0) {
            locator.first().scrollIntoViewIfNeeded();
            locator.first().screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
        }
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
