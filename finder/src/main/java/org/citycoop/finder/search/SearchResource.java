package org.citycoop.finder.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.finder.Templates;
import org.citycoop.finder.api.Api;
import org.citycoop.finder.api.ApiProblem;
import org.citycoop.finder.i18n.Msg;
import org.citycoop.finder.scheme.SchemeViews;
import org.citycoop.finder.web.Codes;
import org.citycoop.finder.web.Formats;
import org.citycoop.finder.web.Lang;
import org.citycoop.finder.web.Page;
import org.citycoop.finder.web.PublicUrl;
import org.citycoop.finder.web.Views;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code /finder}: sends a first visit to its language ({@code Accept-Language}); {@code /finder/<lang>/} (with or without the
 * slash): the search page.
 * The search lives in the URL (a GET form), so a reload, a bookmark or a shared link shows the same results.
 */
@Path("/finder")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class SearchResource {

    static final int PAGE_SIZE = 10;
    private static final String FACETS = "challenge,supportType,agency,applicantType,status";

    @Inject
    Api api;

    @Inject
    Views views;

    @Inject
    PublicUrl publicUrl;

    @GET
    public RestResponse<Object> start(@Context HttpHeaders headers, @Context UriInfo uri) {
        Lang lang = Lang.choose(headers.getAcceptableLanguages());
        // a relative Location (RFC 9110): it holds at whatever address the visitor came by; not made absolute from Host.
        // The search in the address goes along, as sent: a shared link keeps its filters whatever the language.
        String query = uri.getRequestUri().getRawQuery();
        return RestResponse.ResponseBuilder.create(RestResponse.Status.SEE_OTHER)
                .header("Location", "/finder/" + lang.code() + "/" + (query == null || query.isEmpty() ? "" : "?" + query))
                .header("Vary", "Accept-Language").build();
    }

    @GET
    @Path("/{lang}")
    public TemplateInstance search(@PathParam("lang") String code, @Context UriInfo uri) {
        Lang lang = views.lang(code);
        Msg msg = views.msg(lang);
        Map<String, String> agencyNames = views.agencyNames();
        SearchForm form = new SearchForm(uri.getQueryParameters(), agencyNames.keySet());
        SchemeViews schemes = new SchemeViews(lang, msg, agencyNames);
        Formats formats = new Formats(lang.locale());
        String error = null;
        List<SchemeViews.Card> cards = new ArrayList<>();
        List<SearchView.FacetGroup> facets = List.of();
        String total = "0";
        String next = null;
        try {
            var filters = form.apiFilters();
            var counted = new jakarta.ws.rs.core.MultivaluedHashMap<String, String>(filters);
            counted.add("facets", FACETS);
            var counting = api.facets(counted); // asked for beside the list: the page waits for the slower of the two
            JsonNode page;
            try {
                page = api.schemes(form.apiSearch(PAGE_SIZE), lang.code());
            } catch (ApiProblem problem) {
                if (!"cursor".equals(problem.field()) || !form.paged()) {
                    throw problem;
                }
                form.dropCursor();
                page = api.schemes(form.apiSearch(PAGE_SIZE), lang.code());
            }
            JsonNode counts = counting.get();
            total = formats.number(counts.path("total").asLong());
            facets = facets(form, counts.path("facets"), msg, formats, views.agencyAcronyms());
            page.path("items").forEach(item -> cards.add(schemes.card(item)));
            if (page.hasNonNull("next")) {
                String cursor = Api.cursorOf(page.path("next").asText());
                String query = form.queryString();
                next = "/finder/" + lang.code() + "/?" + (query.isEmpty() ? "" : query + "&") + "cursor="
                        + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (ApiProblem problem) {
            error = msg.err_api((problem.field() == null ? "" : problem.field() + ": ") + problem.detail());
        }
        List<String> notices = form.issues().stream().map(issue -> notice(msg, issue)).toList();
        String query = form.queryString();
        String first = form.paged() ? "/finder/" + lang.code() + "/" + (query.isEmpty() ? "" : "?" + query) : null;
        List<SearchView.Choice> sorts = Codes.SORTS.stream().filter(s -> form.hasText() || !s.equals("relevance"))
                .map(s -> new SearchView.Choice(s, msg.sort_option(s), s.equals(form.sort()))).toList();
        List<SearchView.Choice> currencies = Codes.CURRENCIES.stream()
                .map(c -> new SearchView.Choice(c, c, c.equals(form.currency()))).toList();
        String suffix = query.isEmpty() ? "" : "?" + query;
        String atom = "/finder/" + lang.code() + "/feed.atom" + suffix;
        String webcal = publicUrl.webcal("/finder/" + lang.code() + "/deadlines.ics" + suffix);
        SearchView view = new SearchView(form, notices, error, facets, countries(form, formats), cards, total, next, first, sorts, currencies, atom, webcal);
        return Templates.search(Page.of(lang, msg.search_heading(), "search", "/", query), view).setLocale(lang.locale());
    }

    static String notice(Msg msg, SearchForm.Issue issue) {
        String field = label(msg, issue.parameter());
        return switch (issue.kind()) {
            case UNKNOWN_VALUE -> msg.err_unknown_value(field, issue.value());
            case BAD_DATE -> msg.err_bad_date(field, issue.value());
            case BAD_AMOUNT -> msg.err_bad_amount(field, issue.value());
            case QUERY_TOO_LONG -> msg.err_query_too_long(Integer.toString(SearchForm.MAX_QUERY_LENGTH));
            case BAD_CURSOR -> msg.err_cursor();
            case ONE_COUNTRY -> msg.err_one_country(field, issue.value());
            case REVERSED_RANGE -> issue.parameter().equals("amountMax")
                    ? msg.err_reversed_amounts(field, issue.value(), label(msg, "amountMin"))
                    : msg.err_reversed_dates(field, issue.value(), label(msg, "deadlineAfter"));
        };
    }

    /** A parameter of the page's address by its label on the page ("Challenge area" for challenge). */
    public static String label(Msg msg, String parameter) {
        return switch (parameter) {
            case "challenge" -> msg.f_challenge();
            case "supportType" -> msg.f_supportType();
            case "agency" -> msg.f_agency();
            case "country" -> msg.f_openTo();
            case "applicantType" -> msg.f_applicantType();
            case "status" -> msg.f_status();
            case "deadlineAfter" -> msg.deadline_after();
            case "deadlineBefore" -> msg.deadline_before();
            case "amountMin" -> msg.amount_min();
            case "amountMax" -> msg.amount_max();
            case "currency" -> msg.currency();
            case "sort" -> msg.sort();
            case "budget" -> msg.budget();
            case "city" -> msg.city();
            default -> parameter.startsWith("p.") ? msg.challenges() : parameter;
        };
    }

    private static List<SearchView.FacetGroup> facets(SearchForm form, JsonNode counts, Msg msg, Formats formats, Map<String, String> agencyNames) {
        List<SearchView.FacetGroup> groups = new ArrayList<>();
        groups.add(group(form, "challenge", msg.f_challenge(), counts, msg::challenge, formats, Codes.CHALLENGES));
        groups.add(group(form, "supportType", msg.f_supportType(), counts, msg::supportType, formats, Codes.SUPPORT_TYPES));
        groups.add(group(form, "status", msg.f_status(), counts, msg::status, formats, Codes.STATUSES));
        groups.add(group(form, "applicantType", msg.f_applicantType(), counts, msg::applicantType, formats, Codes.APPLICANT_TYPES));
        groups.add(group(form, "agency", msg.f_agency(), counts, id -> agencyNames.getOrDefault(id, id), formats, null));
        return groups;
    }

    /**
     * The countries to choose from for "open to applicants from": every ISO 3166-1 country (and Kosovo, XK), by name in the
     * page's language. Without counts: the catalogue's country facet counts the schemes naming a country, while the filter
     * also finds those open to every country or to its region, and a country that no scheme names may still find many; the
     * number found for the country chosen is the page's total.
     */
    private static List<SearchView.Choice> countries(SearchForm form, Formats formats) {
        java.text.Collator order = java.text.Collator.getInstance(formats.locale());
        return Codes.COUNTRIES.stream().map(c -> new SearchView.Choice(c, formats.country(c), form.selected("country", c)))
                .sorted(Comparator.comparing(SearchView.Choice::label, order)).toList();
    }

    /**
     * A filter's values with their counts: the values the catalogue has (in the codes' own order where they are known,
     * else most schemes first), plus any value chosen that now counts none, so that it can be unticked.
     */
    private static SearchView.FacetGroup group(SearchForm form, String parameter, String label, JsonNode counts,
            Function<String, String> labelOf, Formats formats, List<String> order) {
        List<SearchView.FacetOption> options = new ArrayList<>();
        List<JsonNode> values = new ArrayList<>();
        counts.path(parameter).forEach(values::add);
        if (order != null) {
            values.sort(Comparator.comparingInt(v -> order.indexOf(v.path("value").asText())));
        }
        for (JsonNode value : values) {
            String v = value.path("value").asText();
            options.add(new SearchView.FacetOption(v, labelOf.apply(v), formats.number(value.path("count").asLong()), form.selected(parameter, v)));
        }
        for (String chosen : form.values(parameter)) {
            if (options.stream().noneMatch(o -> o.value().equals(chosen))) {
                options.add(new SearchView.FacetOption(chosen, labelOf.apply(chosen), formats.number(0), true));
            }
        }
        return new SearchView.FacetGroup(parameter, label, options);
    }
}
