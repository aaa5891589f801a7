package org.citycoop.finder.feed;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.finder.api.Api;
import org.citycoop.finder.i18n.Msg;
import org.citycoop.finder.scheme.SchemeViews;
import org.citycoop.finder.search.SearchForm;
import org.citycoop.finder.web.Lang;
import org.citycoop.finder.web.PublicUrl;
import org.citycoop.finder.web.Views;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Feeds of any search (the search page's own parameters): {@code feed.atom}, its 50 most recently new or changed schemes
 * (Atom), and {@code deadlines.ics}, the deadlines of its first 100 schemes by deadline (iCalendar, for a {@code webcal:}
 * subscription; each event keeps its UID and gets a higher SEQUENCE when the scheme changes, so a moved deadline moves).
 */
@Path("/finder/{lang}")
public class FeedResource {

    @Inject
    Api api;

    @Inject
    Views views;

    @Inject
    PublicUrl publicUrl;

    @GET
    @Path("/feed.atom")
    public RestResponse<String> atom(@PathParam("lang") String code, @Context UriInfo uri) {
        Search search = search(code, uri, "updated", 50);
        Lang lang = search.lang();
        Msg msg = search.msg();
        String base = publicUrl.base();
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (JsonNode scheme : search.found()) {
            SchemeViews.Card card = search.schemes().card(scheme);
            String summary = card.statusLabel() + " · " + (card.deadline().fixed() ? card.deadline().agencyTime() : card.deadline().note())
                    + " · " + card.funding();
            entries.add(new AtomFeed.Entry(card.id(), card.name(), card.nameInEnglish() ? "en" : lang.code(), card.agency(),
                    OffsetDateTime.parse(scheme.path("updatedAt").asText()).toInstant(), summary,
                    base + "/finder/" + lang.code() + "/schemes/" + card.id()));
        }
        String query = search.form().queryString();
        String feed = AtomFeed.of(lang.code(), msg.app_title() + ": " + msg.search_heading(),
                base + "/finder/" + lang.code() + "/feed.atom" + (query.isEmpty() ? "" : "?" + query),
                base + "/finder/" + lang.code() + "/" + (query.isEmpty() ? "" : "?" + query), entries);
        return RestResponse.ResponseBuilder.ok(feed, "application/atom+xml;charset=utf-8").build();
    }

    @GET
    @Path("/deadlines.ics")
    public RestResponse<String> deadlines(@PathParam("lang") String code, @Context UriInfo uri) {
        Search search = search(code, uri, "deadline", 100);
        Lang lang = search.lang();
        Msg msg = search.msg();
        String base = publicUrl.base();
        List<ICalendar.Deadline> deadlines = new ArrayList<>();
        for (JsonNode scheme : search.found()) {
            SchemeViews.Card card = search.schemes().card(scheme);
            if (!card.deadline().fixed()) {
                continue;
            }
            deadlines.add(new ICalendar.Deadline(card.id(), scheme.path("version").asLong(),
                    OffsetDateTime.parse(card.deadline().iso()).toInstant(), OffsetDateTime.parse(scheme.path("updatedAt").asText()).toInstant(),
                    msg.deadline() + ": " + card.name(), card.agency() + " · " + card.statusLabel() + " · " + card.funding(),
                    base + "/finder/" + lang.code() + "/schemes/" + card.id()));
        }
        return RestResponse.ResponseBuilder.ok(ICalendar.of(msg.app_title(), deadlines), "text/calendar;charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"citycoop-deadlines.ics\"").build();
    }

    /** A feed's search: the visitor's filters from the URL, in the feed's order, and the schemes the API found. */
    private record Search(Lang lang, Msg msg, SearchForm form, SchemeViews schemes, JsonNode found) {
    }

    private Search search(String code, UriInfo uri, String sort, int limit) {
        Lang lang = views.lang(code);
        Msg msg = views.msg(lang);
        Map<String, String> agencies = views.agencyNames();
        SearchForm form = new SearchForm(uri.getQueryParameters(), agencies.keySet());
        MultivaluedMap<String, String> query = form.apiFilters();
        query.add("sort", sort);
        query.add("limit", Integer.toString(limit));
        return new Search(lang, msg, form, new SchemeViews(lang, msg, agencies), api.schemes(query, lang.code()).path("items"));
    }
}
