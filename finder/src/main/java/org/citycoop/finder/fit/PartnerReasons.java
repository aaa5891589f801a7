package org.citycoop.finder.fit;

import com.fasterxml.jackson.databind.JsonNode;
import org.citycoop.finder.i18n.Msg;
import org.citycoop.finder.web.Formats;
import org.citycoop.finder.web.Lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Why the city registry suggests a partner city ({@code GET /v1/cities/{id}/partner-suggestions}: each criterion's
 * {@code criterion} and {@code result}), in the page's language. The registry explains in English with its codes, so the
 * wording is made here from the result and the two cities (distance from their coordinates, their populations); a
 * criterion it does not know keeps the registry's English text, marked as such.
 */
public final class PartnerReasons {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final Msg msg;
    private final Formats formats;
    private final JsonNode city;
    private final String challenge;

    /**
     * @param city the visitor's city as the registry gives it (name, latitude, longitude, population)
     * @param challenge the label of the challenge the partners are suggested for
     */
    public PartnerReasons(Msg msg, Lang lang, JsonNode city, String challenge) {
        this.msg = msg;
        this.formats = new Formats(lang.locale());
        this.city = city;
        this.challenge = challenge;
    }

    /** The reasons of one suggestion ({@code city}, {@code explanation}). */
    public List<MatchReasons.Reason> of(JsonNode suggestion) {
        JsonNode partner = suggestion.path("city");
        List<MatchReasons.Reason> reasons = new ArrayList<>();
        for (JsonNode e : suggestion.path("explanation")) {
            String criterion = e.path("criterion").asText();
            String result = e.path("result").asText();
            String text = text(criterion, result, partner);
            boolean english = text == null;
            reasons.add(new MatchReasons.Reason(msg.partner_criterion(criterion), msg.result(result), result,
                    english ? e.path("detail").asText("") : text, english));
        }
        return reasons;
    }

    private String text(String criterion, String result, JsonNode partner) {
        boolean met = result.equals("MET");
        boolean partly = result.equals("PARTLY_MET");
        boolean failed = result.equals("FAILED");
        String name = city.path("name").asText();
        return switch (criterion) {
            case "EXPERTISE" -> met ? msg.why_p_expertise_met(challenge) : partly ? msg.why_p_expertise_partly(challenge)
                    : failed ? msg.why_p_expertise_failed(challenge) : null;
            case "TRACK_RECORD" -> met ? msg.why_p_track_met(challenge) : partly ? msg.why_p_track_partly(challenge)
                    : failed ? msg.why_p_track_failed(challenge) : null;
            case "EXISTING_TIES" -> met ? msg.why_p_ties_met(name) : failed ? msg.why_p_ties_failed(name) : null;
            case "DISTANCE" -> hasPlace(city) && hasPlace(partner)
                    ? msg.why_p_distance(formats.number(Math.round(distanceKm(city, partner))), name) : null;
            case "LANGUAGE" -> met ? msg.why_p_language_met() : failed ? msg.why_p_language_failed() : null;
            case "SIZE" -> partner.has("population") && city.has("population")
                    ? msg.why_p_size(formats.number(partner.path("population").asLong()), name, formats.number(city.path("population").asLong()))
                    : null;
            default -> null;
        };
    }

    private static boolean hasPlace(JsonNode place) {
        return place.path("latitude").isNumber() && place.path("longitude").isNumber();
    }

    /** Great-circle distance (haversine, mean Earth radius). */
    static double distanceKm(JsonNode a, JsonNode b) {
        double lat1 = Math.toRadians(a.path("latitude").asDouble());
        double lat2 = Math.toRadians(b.path("latitude").asDouble());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.path("longitude").asDouble() - a.path("longitude").asDouble());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
