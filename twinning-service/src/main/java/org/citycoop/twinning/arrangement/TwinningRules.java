package org.citycoop.twinning.arrangement;

import org.citycoop.platform.problem.Problem.FieldError;
import org.citycoop.twinning.vocabulary.ChallengeArea;
import org.citycoop.platform.vocabulary.SectorCodelist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a new twinning arrangement must meet beyond the form of its fields: its cities are distinct
 * and in the registry, its themes and sectors are distinct, its sectors are active DAC 5-digit purpose
 * codes (IATI Sector codelist), and its period is made of ISO 8601 dates of reduced precision with the
 * end not before the start. Each failure names the field by its JSON path ({@code cities[1].cityId}).
 */
public final class TwinningRules {

    private TwinningRules() {
    }

    /**
     * Checks a request whose fields already have the right form (Bean Validation passed).
     *
     * @param request the new arrangement
     * @param registeredCityIds which of the request's city ids the registry holds
     * @param sectors the IATI Sector codelist
     * @return one entry per failing field, empty when the request is acceptable
     */
    public static List<FieldError> check(NewTwinning request, Set<String> registeredCityIds, SectorCodelist sectors) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstCity = new HashMap<>();
        for (int i = 0; i < request.cities().size(); i++) {
            String cityId = request.cities().get(i).cityId();
            String field = "cities[" + i + "].cityId";
            Integer earlier = firstCity.putIfAbsent(cityId, i);
            if (earlier != null) {
                errors.add(new FieldError(field, "city " + cityId + " is already cities[" + earlier + "]; each city takes part once"));
            } else if (!registeredCityIds.contains(cityId)) {
                errors.add(new FieldError(field, "no city with GeoNames id '" + cityId + "' in the registry (search GET /v1/cities)"));
            }
        }
        List<ChallengeArea> themes = request.themesOrEmpty();
        for (int i = 0; i < themes.size(); i++) {
            if (themes.indexOf(themes.get(i)) < i) {
                errors.add(new FieldError("themes[" + i + "]", themes.get(i) + " is listed twice"));
            }
        }
        List<String> sectorCodes = request.sectorsOrEmpty();
        for (int i = 0; i < sectorCodes.size(); i++) {
            String field = "sectors[" + i + "]";
            Optional<String> problem = sectors.problemWith(sectorCodes.get(i));
            if (problem.isPresent()) {
                errors.add(new FieldError(field, problem.get()));
            } else if (sectorCodes.indexOf(sectorCodes.get(i)) < i) {
                errors.add(new FieldError(field, sectorCodes.get(i) + " is listed twice"));
            }
        }
        if (request.period() != null) {
            checkPeriod(request.period(), errors);
        }
        return errors;
    }

    private static void checkPeriod(Period period, List<FieldError> errors) {
        ReducedPrecisionDate start = date(period.start(), "period.start", errors);
        ReducedPrecisionDate end = period.end() == null ? null : date(period.end(), "period.end", errors);
        if (start != null && end != null && end.endsBefore(start)) {
            errors.add(new FieldError("period.end", "ends (" + end.text() + ") before the period starts (" + start.text() + ")"));
        }
    }

    private static ReducedPrecisionDate date(String text, String field, List<FieldError> errors) {
        try {
            return ReducedPrecisionDate.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }
}
