package org.citycoop.finder.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.finder.Templates;
import org.citycoop.finder.api.ApiUnavailable;
import org.citycoop.finder.i18n.Msg;
import org.citycoop.finder.i18n.Texts;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Locale;

/**
 * What a visitor sees when a page cannot be shown: a page of the finder in the language of the address (English
 * outside {@code /finder/ja/}) that says what happened and leads back to the search; never a stack trace.
 */
public class ProblemPages {

    private static final Logger LOG = Logger.getLogger(ProblemPages.class);

    @ServerExceptionMapper
    public RestResponse<TemplateInstance> notFound(NotFoundException e, UriInfo uri) {
        Lang lang = langOf(uri);
        Msg msg = Texts.of(lang);
        return page(404, lang, msg.not_found_heading(), msg.not_found_text());
    }

    @ServerExceptionMapper
    public RestResponse<TemplateInstance> unavailable(ApiUnavailable e, UriInfo uri) {
        Lang lang = langOf(uri);
        Msg msg = Texts.of(lang);
        return page(503, lang, msg.error_heading(), msg.err_unavailable());
    }

    @ServerExceptionMapper
    public RestResponse<TemplateInstance> other(WebApplicationException e, UriInfo uri) {
        Lang lang = langOf(uri);
        Msg msg = Texts.of(lang);
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return page(404, lang, msg.not_found_heading(), msg.not_found_text());
        }
        return page(status, lang, msg.error_heading(), msg.not_found_text());
    }

    @ServerExceptionMapper
    public RestResponse<TemplateInstance> failed(RuntimeException e, UriInfo uri) {
        LOG.error("A page failed", e);
        Lang lang = langOf(uri);
        Msg msg = Texts.of(lang);
        return page(500, lang, msg.error_heading(), msg.err_unavailable());
    }

    static RestResponse<TemplateInstance> page(int status, Lang lang, String heading, String text) {
        TemplateInstance page = Templates.problem(Page.of(lang, heading, "", "/", ""), heading, text).setLocale(lang.locale());
        return RestResponse.ResponseBuilder.<TemplateInstance>create(status).entity(page).type(MediaType.TEXT_HTML + ";charset=utf-8").build();
    }

    private static Lang langOf(UriInfo uri) {
        List<String> segments = uri.getPathSegments().stream().map(s -> s.getPath().toLowerCase(Locale.ROOT)).toList();
        return segments.size() > 1 && segments.get(0).equals("finder") ? Lang.of(segments.get(1)).orElse(Lang.EN) : Lang.EN;
    }
}
