package org.citycoop.finder.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.citycoop.finder.Templates;

/** The embedding page: the snippet the secretariat pastes into its website (an iframe, and optionally embed.js). */
@Path("/finder/{lang}/embed")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class EmbedResource {

    @Inject
    Views views;

    @GET
    public TemplateInstance embed(@PathParam("lang") String code, @Context UriInfo uri) {
        Lang lang = views.lang(code);
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        return Templates.embed(Page.of(lang, views.msg(lang).embed_heading(), "embed", "/embed", ""),
                base + "/finder/" + lang.code() + "/", base + "/finder/embed.js").setLocale(lang.locale());
    }
}
