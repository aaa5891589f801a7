package org.citycoop.finder.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.finder.Templates;
import org.citycoop.finder.api.Api;
import org.citycoop.finder.api.ApiProblem;
import org.citycoop.finder.i18n.Msg;
import org.citycoop.finder.scheme.SchemeViews;
import org.citycoop.finder.search.SearchResource;
import org.citycoop.finder.search.SearchView;
import org.citycoop.finder.web.Codes;
import org.citycoop.finder.web.Formats;
import org.citycoop.finder.web.Lang;
import org.citycoop.finder.web.Page;
import org.citycoop.finder.web.Views;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "What fits my city": the needs form (a GET form: the answer is a link), the ranked matches of {@code POST /v1/matches}
 * with each criterion's reason ({@link MatchReasons}), on request the schemes left out and why (ten at a time, with a link
 * for more), the city's twinning arrangements and the partner cities suggested ({@link PartnerReasons}); and the
 * city type-ahead ({@code /cities?city=...}: options of the city registry's search, accents ignored).
 */
@Path("/finder/{lang}")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class FitResource {

    /** The eligible matches shown: the best ones. */
    static final int MATCHES_SHOWN = 20;
    /** How many more of the schemes left out each "more" link shows. */
    static final int LEFT_OUT_PAGE = 10;
    /**
     * How many schemes to have ranked when the ones left out are asked for: the matching service ranks on each request and
     * does not page, up to 100; the left-out ones follow the eligible ones.
     */
    static final int RANKED_WITH_LEFT_OUT = 100;

    @Inject
    Api api;

    @Inject
    Views views;

    @Inject
    ObjectMapper mapper;

    @GET
    @Path("/fit")
    public TemplateInstance fit(@PathParam("lang") String code, @Context UriInfo uri) {
        Lang lang = views.lang(code);
        Msg msg = views.msg(lang);
        Formats formats = new Formats(lang.locale());
        FitForm form = new FitForm(uri.getQueryParameters());
        List<String> notices = new ArrayList<>(form.issues().stream().map(issue -> notice(msg, issue)).toList());
        String error = null;
        String cityLabel = null;
        String cityValue = form.city(); // as typed, or the registry's name once found (a shared URL may carry a GeoNames id)
        List<FitView.MatchView> matches = new ArrayList<>();
        List<FitView.MatchView> leftOut = new ArrayList<>();
        String leftOutMore = null;
        List<FitView.TwinningView> twinnings = new ArrayList<>();
        List<FitView.PartnerView> partners = new ArrayList<>();
        String partnerChallenge = null;
        boolean answered = false;
        if (form.complete()) {
            Optional<JsonNode> city = resolve(form);
            if (city.isEmpty()) {
                notices.add(msg.err_unknown_city(form.city()));
            } else if (!api.canMatch()) {
                error = msg.err_no_key();
            } else {
                JsonNode c = city.get();
                cityLabel = c.path("name").asText() + " (" + formats.country(c.path("country").asText()) + ")";
                cityValue = c.path("name").asText() + ", " + c.path("country").asText()
                        + (form.city().contains("#") ? " #" + c.path("id").asText() : ""); // a city chosen among namesakes stays chosen
                try {
                    JsonNode answer = api.matches(body(form, c, lang), form.leftOut(), form.leftOut() ? RANKED_WITH_LEFT_OUT : MATCHES_SHOWN,
                            lang.code());
                    SchemeViews schemes = views.schemes(lang);
                    MatchReasons reasons = new MatchReasons(msg, lang, form, c.path("country").asText(), Instant.now());
                    List<JsonNode> ineligible = new ArrayList<>();
                    for (JsonNode item : answer.path("items")) {
                        if (!item.path("eligible").asBoolean(true)) {
                            ineligible.add(item);
                        } else if (matches.size() < MATCHES_SHOWN) {
                            matches.add(match(item, schemes, reasons, msg, lang, matches.size() < 3));
                        }
                    }
                    int shown = leftOutShown(ineligible, form.leftOutAfter());
                    if (shown < 0) {
                        notices.add(msg.err_left_out_cursor());
                        shown = LEFT_OUT_PAGE;
                    }
                    for (JsonNode item : ineligible.subList(0, Math.min(shown, ineligible.size()))) {
                        leftOut.add(match(item, schemes, reasons, msg, lang, false));
                    }
                    if (shown < ineligible.size()) {
                        leftOutMore = moreLeftOut(lang, uri, leftOut.get(leftOut.size() - 1).card().id(),
                                ineligible.get(shown).path("scheme").path("id").asText());
                    }
                    answered = true;
                    for (JsonNode twinning : api.twinnings(c.path("id").asText()).path("items")) {
                        List<String> names = new ArrayList<>();
                        twinning.path("cities").forEach(t -> names.add(t.path("name").asText(t.path("cityId").asText())));
                        twinnings.add(new FitView.TwinningView(twinning.path("title").asText(), msg.twinning_status(twinning.path("status").asText()),
                                String.join(" – ", names)));
                    }
                    String first = form.priorities().entrySet().stream().min(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
                    partnerChallenge = msg.challenge(first);
                    NumberFormat percent = NumberFormat.getPercentInstance(lang.locale());
                    JsonNode suggestions;
                    try {
                        suggestions = api.partnerSuggestions(c.path("id").asText(), first);
                    } catch (ApiProblem noSuggestions) {
                        suggestions = mapper.createObjectNode();
                    }
                    PartnerReasons why = new PartnerReasons(msg, lang, c, partnerChallenge);
                    for (JsonNode suggestion : suggestions.path("items")) {
                        partners.add(new FitView.PartnerView(suggestion.path("city").path("name").asText() + " ("
                                + formats.country(suggestion.path("city").path("country").asText()) + ")",
                                msg.score(percent.format(suggestion.path("score").asDouble())), why.of(suggestion)));
                    }
                } catch (ApiProblem problem) {
                    error = msg.err_api((problem.field() == null ? "" : problem.field() + ": ") + problem.detail());
                }
            }
        }
        List<FitView.ChallengeRow> challenges = Codes.CHALLENGES.stream().map(area -> new FitView.ChallengeRow(area, msg.challenge(area),
                java.util.stream.IntStream.rangeClosed(0, 3).mapToObj(p -> new FitView.PriorityChoice(p, msg.priority(p), form.priority(area) == p))
                        .toList())).toList();
        List<SearchView.Choice> applicants = Codes.APPLICANT_TYPES.stream().filter(a -> !a.equals("ANY"))
                .map(a -> new SearchView.Choice(a, msg.applicantType(a), a.equals(form.applicantType()))).toList();
        List<SearchView.Choice> supports = Codes.SUPPORT_TYPES.stream()
                .map(s -> new SearchView.Choice(s, msg.supportType(s), form.wants(s))).toList();
        List<SearchView.Choice> currencies = Codes.CURRENCIES.stream()
                .map(c -> new SearchView.Choice(c, c, c.equals(form.currency()))).toList();
        FitView view = new FitView(form, notices, error, challenges, applicants, supports, currencies, cityValue, cityLabel, matches, leftOut,
                leftOutMore, twinnings, partnerChallenge, partners, answered);
        String query = uri.getRequestUri().getRawQuery();
        return Templates.fit(Page.of(lang, msg.fit_heading(), "fit", "/fit", query == null ? "" : query), view).setLocale(lang.locale());
    }

    @GET
    @Path("/cities")
    public TemplateInstance cities(@PathParam("lang") String code, @QueryParam("city") String typed) {
        Lang lang = views.lang(code);
        List<FitView.CityOption> options = new ArrayList<>();
        if (typed != null && typed.strip().length() >= 2 && typed.length() <= FitForm.MAX_CITY_LENGTH) {
            String name = typed.contains(",") ? typed.substring(0, typed.lastIndexOf(',')).strip() : typed.strip();
            try {
                JsonNode found = api.cities(name, null, 10).path("items");
                Map<String, Integer> named = new java.util.HashMap<>();
                found.forEach(city -> named.merge(city.path("name").asText() + ", " + city.path("country").asText(), 1, Integer::sum));
                Formats formats = new Formats(lang.locale());
                for (JsonNode city : found) {
                    String value = city.path("name").asText() + ", " + city.path("country").asText();
                    if (named.get(value) > 1) { // namesakes: told apart by their size, chosen by their GeoNames id
                        options.add(new FitView.CityOption(value + " #" + city.path("id").asText(),
                                value + " (" + views.msg(lang).inhabitants(formats.number(city.path("population").asLong())) + ")"));
                    } else {
                        options.add(new FitView.CityOption(value, value));
                    }
                }
            } catch (ApiProblem ignored) {
                // text the registry does not search by: no options
            }
        }
        return Templates.cityOptions(options);
    }

    /**
     * The city the visitor means: the registry's entry with exactly that name (accents and case aside; in that country,
     * if given), the most populous of several; else the registry's only find (a name in another script, e.g. 北九州).
     * Near names among several finds are not taken for it.
     */
    private Optional<JsonNode> resolve(FitForm form) {
        if (form.cityId() != null) {
            try {
                return Optional.of(api.city(form.cityId()));
            } catch (ApiProblem notFound) {
                return Optional.empty();
            }
        }
        JsonNode found;
        try {
            found = api.cities(form.cityName(), form.countryCode(), 20).path("items");
        } catch (ApiProblem problem) {
            return Optional.empty();
        }
        String wanted = plain(form.cityName());
        JsonNode best = null;
        for (JsonNode city : found) {
            boolean named = plain(city.path("name").asText()).equals(wanted) || plain(city.path("asciiName").asText()).equals(wanted);
            if (named && (best == null || city.path("population").asLong() > best.path("population").asLong())) {
                best = city;
            }
        }
        return best == null && found.size() == 1 ? Optional.of(found.get(0)) : Optional.ofNullable(best);
    }

    /** A name without accents and case: "Đà Nẵng" and "da nang" are the same. */
    static String plain(String name) {
        String decomposed = java.text.Normalizer.normalize(name.replace('Đ', 'D').replace('đ', 'd'), java.text.Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).strip();
    }

    private JsonNode body(FitForm form, JsonNode city, Lang lang) {
        ObjectNode body = mapper.createObjectNode();
        body.put("cityId", city.path("id").asText());
        body.put("country", city.path("country").asText());
        body.put("applicantType", form.applicantType());
        var challenges = body.putArray("challenges");
        form.priorities().forEach((area, priority) -> challenges.addObject().put("area", area).put("priority", priority));
        var supports = body.putArray("supportTypes");
        form.supportTypes().forEach(supports::add);
        if (form.budget() != null) {
            body.putObject("budget").put("amount", form.budget().toPlainString()).put("currency", form.currency());
        }
        body.putArray("languages").add(lang.code());
        return body;
    }

    private static FitView.MatchView match(JsonNode item, SchemeViews schemes, MatchReasons why, Msg msg, Lang lang, boolean best) {
        SchemeViews.Card card = schemes.card(item.path("scheme"));
        List<MatchReasons.Reason> reasons = why.of(item, card.funding());
        List<String> failed = reasons.stream().filter(r -> r.resultCode().equals("FAILED")).map(MatchReasons.Reason::criterion).toList();
        NumberFormat percent = NumberFormat.getPercentInstance(lang.locale());
        boolean eligible = item.path("eligible").asBoolean(true);
        return new FitView.MatchView(card, msg.score(percent.format(item.path("score").asDouble())),
                eligible, eligible && best, reasons, String.join(lang == Lang.JA ? "、" : ", ", failed));
    }

    /**
     * How many of the schemes left out to show: the first {@value #LEFT_OUT_PAGE}, or those up to the one named by the
     * {@code leftOutAfter} cursor and {@value #LEFT_OUT_PAGE} more; -1 when the cursor names none of them (the ranking has
     * changed since the link was made, or the link is damaged).
     */
    static int leftOutShown(List<JsonNode> ineligible, String after) {
        if (after == null) {
            return LEFT_OUT_PAGE;
        }
        for (int i = 0; i < ineligible.size(); i++) {
            if (ineligible.get(i).path("scheme").path("id").asText().equals(after)) {
                return i + 1 + LEFT_OUT_PAGE;
            }
        }
        return -1;
    }

    /** This page with more schemes left out, after {@code last}, scrolled to the first new one ({@code next}). */
    private static String moreLeftOut(Lang lang, UriInfo uri, String last, String next) {
        StringBuilder query = new StringBuilder();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("leftOutAfter")) {
                values.forEach(v -> query.append(query.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(v)));
            }
        });
        return "/finder/" + lang.code() + "/fit?" + query + "&leftOutAfter=" + encode(last) + "#s-" + encode(next);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String notice(Msg msg, FitForm.Issue issue) {
        return switch (issue.kind()) {
            case UNKNOWN_VALUE -> msg.err_unknown_value(SearchResource.label(msg, issue.parameter()), issue.value());
            case BAD_AMOUNT -> msg.err_bad_amount(SearchResource.label(msg, issue.parameter()), issue.value());
            case NO_CITY -> msg.err_no_city();
            case NO_CHALLENGE -> msg.err_no_challenge();
            case CITY_TOO_LONG -> msg.err_query_too_long(Integer.toString(FitForm.MAX_CITY_LENGTH));
        };
    }
}
