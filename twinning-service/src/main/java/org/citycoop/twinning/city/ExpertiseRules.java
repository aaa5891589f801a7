package org.citycoop.twinning.city;

import org.citycoop.platform.problem.Problem.FieldError;
import org.citycoop.platform.vocabulary.SectorCodelist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of a city's expertise and needs beyond the form of the fields: each area appears once per list,
 * sectors are distinct active DAC 5-digit purpose codes (IATI Sector codelist), every evidence gives exactly one
 * of an arrangement id and a URL, an arrangement named as evidence is one the city takes part in, and every
 * offer has evidence. Each failure names the field by its JSON path ({@code offers[0].evidence[1].arrangementId}).
 */
public final class ExpertiseRules {

    private ExpertiseRules() {
    }

    /**
     * @param request the expertise and needs
     * @param arrangementsOfCity ids of the arrangements the city takes part in
     * @param sectors the IATI Sector codelist
     */
    public static List<FieldError> check(ExpertiseRequest request, Set<UUID> arrangementsOfCity, SectorCodelist sectors) {
        List<FieldError> errors = new ArrayList<>();
        checkList("offers", request.offersOrEmpty(), true, arrangementsOfCity, sectors, errors);
        checkList("needs", request.needsOrEmpty(), false, arrangementsOfCity, sectors, errors);
        return errors;
    }

    private static void checkList(String field, List<Expertise> entries, boolean evidenceRequired, Set<UUID> arrangements,
                                  SectorCodelist sectors, List<FieldError> errors) {
        Set<Object> areas = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Expertise entry = entries.get(i);
            String path = field + "[" + i + "]";
            if (!areas.add(entry.area())) {
                errors.add(new FieldError(path + ".area", entry.area() + " is listed twice in " + field));
            }
            List<String> codes = entry.sectorsOrEmpty();
            for (int s = 0; s < codes.size(); s++) {
                Optional<String> problem = sectors.problemWith(codes.get(s));
                if (problem.isPresent()) {
                    errors.add(new FieldError(path + ".sectors[" + s + "]", problem.get()));
                } else if (codes.indexOf(codes.get(s)) < s) {
                    errors.add(new FieldError(path + ".sectors[" + s + "]", codes.get(s) + " is listed twice"));
                }
            }
            List<Expertise.Evidence> evidence = entry.evidenceOrEmpty();
            if (evidenceRequired && evidence.isEmpty()) {
                errors.add(new FieldError(path + ".evidence", "an offer needs evidence: an arrangement id or a URL"));
            }
            for (int e = 0; e < evidence.size(); e++) {
                Expertise.Evidence item = evidence.get(e);
                String evidencePath = path + ".evidence[" + e + "]";
                if ((item.arrangementId() == null) == (item.url() == null)) {
                    errors.add(new FieldError(evidencePath, "give exactly one of arrangementId and url"));
                } else if (item.arrangementId() != null && !arrangements.contains(item.arrangementId())) {
                    errors.add(new FieldError(evidencePath + ".arrangementId", "arrangement " + item.arrangementId()
                            + " is not one this city takes part in (GET /v1/twinnings?city=)"));
                }
            }
        }
    }
}
