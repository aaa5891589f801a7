package org.citycoop.finder.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.citycoop.finder.Templates;

/** The embedding page: the snippet the secretariat pastes into its website (an iframe, and optionally embed.js), at the finder's public address. */
@Path("/finder/{lang}/embed")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class EmbedResource {

    @Inject
    Views views;

    @Inject
    PublicUrl publicUrl;

    @GET
    public TemplateInstance embed(@PathParam("lang") String code) {
        Lang lang = views.lang(code);
        return Templates.embed(Page.of(lang, views.msg(lang).embed_heading(), "embed", "/embed", ""),
                publicUrl.of("/finder/" + lang.code() + "/"), publicUrl.of("/finder/embed.js")).setLocale(lang.locale());
    }
}
