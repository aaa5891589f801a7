package org.citycoop.finder.scheme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * When each step of an application process must start to meet the deadline: counted back from the deadline by the
 * usual durations of that step and of every step after it. A step before one of unknown duration has no start date
 * (it cannot be counted back past an unknown), nor has any step without a deadline.
 */
public final class StepPlan {

    private StepPlan() {
    }

    /**
     * @param typicalDays each step's usual duration in days, in order; null where unknown
     * @param deadline the last day to apply, or null
     * @return each step's latest start date, or null where it cannot be counted
     */
    public static List<LocalDate> startDates(List<Integer> typicalDays, LocalDate deadline) {
        List<LocalDate> starts = new ArrayList<>(Collections.nCopies(typicalDays.size(), null));
        if (deadline == null) {
            return starts;
        }
        LocalDate end = deadline;
        for (int i = typicalDays.size() - 1; i >= 0; i--) {
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
