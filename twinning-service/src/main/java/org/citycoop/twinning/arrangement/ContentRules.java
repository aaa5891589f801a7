package org.citycoop.twinning.arrangement;

import org.citycoop.platform.problem.Problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for what an arrangement records about itself (activities, outcome indicators, evaluation) beyond
 * the form of the fields: refs are short keys, dates are ISO 8601 of reduced precision
 * ({@link ReducedPrecisionDate}) with an activity's end not before its start, and participants come from the
 * arrangement's own cities. Each failure names the field by its JSON path.
 */
public final class ContentRules {

    /** A ref: letters, digits, '-' and '_', 1-64 characters. */
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ContentRules() {
    }

    /** Why {@code ref} is not a valid key, or null when it is. */
    public static FieldError checkRef(String ref) {
        return REF.matcher(ref).matches() ? null
                : new FieldError("ref", "must be 1-64 letters, digits, '-' or '_' (such as field-missions)");
    }

    /** Failures of an activity of an arrangement whose cities are {@code cityIds}. */
    public static List<FieldError> check(ActivityRequest activity, Set<String> cityIds) {
        List<FieldError> errors = new ArrayList<>();
        ReducedPrecisionDate start = date(activity.start(), "start", errors);
        ReducedPrecisionDate end = date(activity.end(), "end", errors);
        if (start != null && end != null && end.endsBefore(start)) {
            errors.add(new FieldError("end", "ends (" + end.text() + ") before the activity starts (" + start.text() + ")"));
        }
        List<ActivityRequest.Participants> participants = activity.participants() == null ? List.of() : activity.participants();
        for (int i = 0; i < participants.size(); i++) {
            String cityId = participants.get(i).cityId();
            if (cityId != null && !cityIds.contains(cityId)) {
                errors.add(new FieldError("participants[" + i + "].cityId",
                        "city " + cityId + " does not take part in this arrangement; its cities are " + cityIds));
            }
        }
        return errors;
    }

    /** Failures of an outcome indicator. */
    public static List<FieldError> check(OutcomeRequest outcome) {
        List<FieldError> errors = new ArrayList<>();
        date(outcome.baselineDate(), "baselineDate", errors);
        date(outcome.targetDate(), "targetDate", errors);
        date(outcome.achievedDate(), "achievedDate", errors);
        value(outcome.baseline(), "baseline", errors);
        value(outcome.target(), "target", errors);
        value(outcome.achieved(), "achieved", errors);
        return errors;
    }

    /** The largest magnitude of an indicator value: 15 digits before the decimal point, as for amounts of money. */
    static final int MAX_INTEGER_DIGITS = 15;
    /** The finest fraction of an indicator value. */
    static final int MAX_FRACTION_DIGITS = 6;

    private static void value(java.math.BigDecimal value, String field, List<FieldError> errors) {
        if (value != null && (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS)) {
            errors.add(new FieldError(field, "must be a number with at most " + MAX_INTEGER_DIGITS + " digits before the decimal point and "
                    + MAX_FRACTION_DIGITS + " after it"));
        }
    }

    /** Failures of an evaluation. */
    public static List<FieldError> check(EvaluationRequest evaluation) {
        List<FieldError> errors = new ArrayList<>();
        date(evaluation.evaluatedOn(), "evaluatedOn", errors);
        return errors;
    }

    private static ReducedPrecisionDate date(String text, String field, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return ReducedPrecisionDate.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }
}
