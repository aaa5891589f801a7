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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "What fits my city": the needs form (a GET form: the answer is a link), the ranked matches of {@code POST /v1/matches}
 * with each criterion's reason, on request the schemes left out and why, and the city's twinning arrangements; and the
 * city type-ahead ({@code /cities?city=...}: options of the city registry's search, accents ignored).
 */
@Path("/finder/{lang}")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class FitResource {

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
        List<FitView.MatchView> matches = new ArrayList<>();
        List<FitView.MatchView> leftOut = new ArrayList<>();
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
                try {
                    JsonNode answer = api.matches(body(form, c, lang), form.leftOut(), lang.code());
                    SchemeViews schemes = views.schemes(lang);
                    for (JsonNode item : answer.path("items")) {
                        FitView.MatchView match = match(item, schemes, msg, lang, matches.size() < 3);
                        (match.eligible() ? matches : leftOut).add(match);
                    }
                    answered = true;
                    for (JsonNode twinning : api.twinnings(c.path("id").asText()).path("items")) {
                        List<String> names = new ArrayList<>();
                        twinning.path("cities").forEach(t -> names.add(t.path("name").asText(t.path("cityId").asText())));
                        twinnings.add(new FitView.TwinningView(twinning.path("title").asText(), twinning.path("status").asText(),
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
                    for (JsonNode suggestion : suggestions.path("items")) {
                        List<String> why = new ArrayList<>();
                        suggestion.path("explanation").forEach(e -> why.add(e.path("detail").asText()));
                        partners.add(new FitView.PartnerView(suggestion.path("city").path("name").asText() + " ("
                                + formats.country(suggestion.path("city").path("country").asText()) + ")",
                                msg.score(percent.format(suggestion.path("score").asDouble())), String.join("; ", why)));
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
        FitView view = new FitView(form, notices, error, challenges, applicants, supports, currencies, cityLabel, matches, leftOut,
                twinnings, partnerChallenge, partners, answered);
        String query = uri.getRequestUri().getRawQuery();
        return Templates.fit(Page.of(lang, msg.fit_heading(), "fit", "/fit", query == null ? "" : query), view).setLocale(lang.locale());
    }

    @GET
    @Path("/cities")
    public TemplateInstance cities(@PathParam("lang") String code, @QueryParam("city") String typed) {
        views.lang(code);
        List<FitView.CityOption> options = new ArrayList<>();
        if (typed != null && typed.strip().length() >= 2 && typed.length() <= FitForm.MAX_CITY_LENGTH) {
            String name = typed.contains(",") ? typed.substring(0, typed.lastIndexOf(',')).strip() : typed.strip();
            try {
                for (JsonNode city : api.cities(name, null, 10).path("items")) {
                    String value = city.path("name").asText() + ", " + city.path("country").asText();
                    options.add(new FitView.CityOption(value, value));
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
        if (form.city().matches("\\d{1,10}")) {
            try {
                return Optional.of(api.city(form.city()));
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

    private static FitView.MatchView match(JsonNode item, SchemeViews schemes, Msg msg, Lang lang, boolean best) {
        List<FitView.Reason> reasons = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (JsonNode e : item.path("explanation")) {
            String result = e.path("result").asText();
            String criterion = msg.criterion(e.path("criterion").asText());
            reasons.add(new FitView.Reason(criterion, msg.result(result), result, e.path("detail").asText("")));
            if (result.equals("FAILED")) {
                failed.add(criterion);
            }
        }
        NumberFormat percent = NumberFormat.getPercentInstance(lang.locale());
        boolean eligible = item.path("eligible").asBoolean(true);
        return new FitView.MatchView(schemes.card(item.path("scheme")), msg.score(percent.format(item.path("score").asDouble())),
                eligible, eligible && best, reasons, String.join(lang == Lang.JA ? "、" : ", ", failed));
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
