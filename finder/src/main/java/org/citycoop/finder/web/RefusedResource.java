package org.citycoop.finder.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.citycoop.finder.i18n.Msg;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The page for an address the gateway refuses before the finder sees it (its edge rules: a request line too long, a
 * path or query that is not valid UTF-8 or holds what an address may not, header fields too large), in the language of
 * the address, answered with the gateway's status: the gateway asks for {@code GET /finder/{lang}/refused?status=414}
 * and shows the page in place of its JSON problem, so that a visitor reads what happened rather than an API's answer;
 * likewise for {@code 429}, when the visitor's address has asked for more pages than its rate limit allows.
 */
@Path("/finder/{lang}/refused")
public class RefusedResource {

    @Inject
    Views views;

    @GET
    public RestResponse<TemplateInstance> refused(@PathParam("lang") String code, @QueryParam("status") String status) {
        Lang lang = views.lang(code);
        Msg msg = views.msg(lang);
        return switch (status == null ? "" : status) {
            case "414" -> ProblemPages.page(414, lang, msg.refused_heading(), msg.refused_too_long());
            case "431" -> ProblemPages.page(431, lang, msg.refused_heading(), msg.refused_headers_too_large());
            case "429" -> ProblemPages.page(429, lang, msg.too_many_heading(), msg.too_many_text());
            case "417", "501", "505" -> ProblemPages.page(Integer.parseInt(status), lang, msg.refused_heading(), msg.refused_malformed());
            default -> ProblemPages.page(400, lang, msg.refused_heading(), msg.refused_malformed());
        };
    }
}
