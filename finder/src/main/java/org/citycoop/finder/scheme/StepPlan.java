package org.citycoop.finder.scheme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * When each of the applicant's steps must start to meet the deadline, as matching-service's application plans count
 * them ({@code POST /v1/needs/{id}/applications}): the applicant's steps are those up to and including the last step
 * of the city, the national government or a partner city; the last of them ends on the deadline and each is counted
 * back from the next by its usual duration. The agency's steps after them come after the deadline and get no date;
 * nor does a step before one of unknown duration (it cannot be counted back past an unknown), nor any step without
 * a deadline.
 */
public final class StepPlan {

    /** The actors whose steps happen before the deadline (the catalogue's list). */
    static final Set<String> APPLICANT_ACTORS = Set.of("CITY", "NATIONAL_GOVERNMENT", "PARTNER_CITY");

    private StepPlan() {
    }

    /**
     * @param typicalDays each step's usual duration in days, in order; null where unknown
     * @param actors each step's actor, in order
     * @param deadline the last day to apply, or null
     * @return each step's latest start date, or null where it cannot be counted
     */
    public static List<LocalDate> startDates(List<Integer> typicalDays, List<String> actors, LocalDate deadline) {
        List<LocalDate> starts = new ArrayList<>(Collections.nCopies(typicalDays.size(), null));
        if (deadline == null) {
            return starts;
        }
        int last = -1;
        for (int i = 0; i < actors.size(); i++) {
            if (APPLICANT_ACTORS.contains(actors.get(i))) {
                last = i;
            }
        }
        LocalDate end = deadline;
        for (int i = last; i >= 0; i--) {
            Integer days = typicalDays.get(i);
            if (days == null) {
                break;
            }
            end = end.minusDays(days);
            starts.set(i, end);
        }
        return starts;
    }
}
