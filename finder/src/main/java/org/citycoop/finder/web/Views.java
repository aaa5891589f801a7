package org.citycoop.finder.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.citycoop.finder.api.Api;
import org.citycoop.finder.i18n.Msg;
import org.citycoop.finder.i18n.Texts;
import org.citycoop.finder.scheme.SchemeViews;

import java.util.LinkedHashMap;
import java.util.Map;

/** What every page resource starts from: its language from the path, its texts, and the scheme views in it. */
@ApplicationScoped
public class Views {

    @Inject
    Api api;

    /** The language of a path; any other first segment is a page that does not exist. */
    public Lang lang(String code) {
        return Lang.of(code).orElseThrow(NotFoundException::new);
    }

    public Msg msg(Lang lang) {
        return Texts.of(lang);
    }

    public SchemeViews schemes(Lang lang) {
        return new SchemeViews(lang, Texts.of(lang), agencyNames());
    }

    /** Agency id to its display name ("JICA – Japan International Cooperation Agency"). */
    public Map<String, String> agencyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode agency : api.agencies()) {
            names.put(agency.path("id").asText(), displayName(agency));
        }
        return names;
    }

    /** Agency id to its acronym, or its name when it has none: the short labels of the agency filter. */
    public Map<String, String> agencyAcronyms() {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode agency : api.agencies()) {
            String acronym = agency.path("acronym").asText("");
            names.put(agency.path("id").asText(), acronym.isEmpty() ? agency.path("name").asText() : acronym);
        }
        return names;
    }

    /** "ADB – Asian Development Bank"; the name alone when it already begins with the acronym ("ICLEI - Local ..."). */
    public static String displayName(JsonNode agency) {
        String name = agency.path("name").asText();
        String acronym = agency.path("acronym").asText("");
        return acronym.isEmpty() || name.startsWith(acronym) ? name : acronym + " – " + name;
    }
}
