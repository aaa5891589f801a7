package org.citycoop.finder.scheme;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.citycoop.finder.Templates;
import org.citycoop.finder.api.Api;
import org.citycoop.finder.api.ApiProblem;
import org.citycoop.finder.i18n.Msg;
import org.citycoop.finder.web.Formats;
import org.citycoop.finder.web.Lang;
import org.citycoop.finder.web.Page;
import org.citycoop.finder.web.Views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A scheme's page, the agencies page and one agency's page. */
@Path("/finder/{lang}")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class SchemeResource {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern AGENCY_ID = Pattern.compile("[a-z0-9-]{1,64}");

    @Inject
    Api api;

    @Inject
    Views views;

    @GET
    @Path("/schemes/{id}")
    public TemplateInstance scheme(@PathParam("lang") String code, @PathParam("id") String id) {
        Lang lang = views.lang(code);
        if (!UUID.matcher(id).matches()) {
            throw new NotFoundException();
        }
        JsonNode scheme;
        try {
            scheme = api.scheme(id, lang.code());
        } catch (ApiProblem problem) {
            throw new NotFoundException();
        }
        SchemeViews.Detail detail = views.schemes(lang).detail(scheme, api.history(id));
        String agencyId = scheme.path("agencyId").asText();
        return Templates.scheme(Page.of(lang, detail.card().name(), "search", "/schemes/" + id, ""), detail, agencyId,
                "/finder/" + lang.code() + "/").setLocale(lang.locale());
    }

    @GET
    @Path("/agencies")
    public TemplateInstance agencies(@PathParam("lang") String code) {
        Lang lang = views.lang(code);
        Msg msg = views.msg(lang);
        Formats formats = new Formats(lang.locale());
        var query = new MultivaluedHashMap<String, String>();
        query.add("facets", "agency");
        Map<String, Long> counts = new HashMap<>();
        api.facets(query).get().path("facets").path("agency").forEach(v -> counts.put(v.path("value").asText(), v.path("count").asLong()));
        List<AgencyViews.AgencySummary> agencies = new ArrayList<>();
        for (JsonNode agency : api.agencies()) {
            agencies.add(AgencyViews.summary(agency, counts.getOrDefault(agency.path("id").asText(), 0L), formats));
        }
        return Templates.agencies(Page.of(lang, msg.agencies_heading(), "agencies", "/agencies", ""), agencies).setLocale(lang.locale());
    }

    @GET
    @Path("/agencies/{id}")
    public TemplateInstance agency(@PathParam("lang") String code, @PathParam("id") String id) {
        Lang lang = views.lang(code);
        if (!AGENCY_ID.matcher(id).matches()) {
            throw new NotFoundException();
        }
        JsonNode agency = api.agency(id).orElseThrow(NotFoundException::new);
        var query = new MultivaluedHashMap<String, String>();
        query.add("agency", id);
        query.add("limit", "100");
        JsonNode page = api.schemes(query, lang.code());
        SchemeViews schemes = views.schemes(lang);
        List<SchemeViews.Detail> details = new ArrayList<>();
        page.path("items").forEach(s -> details.add(schemes.detail(s, com.fasterxml.jackson.databind.node.MissingNode.getInstance())));
        AgencyViews.AgencySummary summary = AgencyViews.summary(agency, details.size(), new Formats(lang.locale()));
        return Templates.agency(Page.of(lang, summary.name(), "agencies", "/agencies/" + id, ""), summary, details).setLocale(lang.locale());
    }
}
