package org.citycoop.matching.scoring.criteria;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** How the explanations write values: lists, times and shares. */
final class Words {

    private Words() {
    }

    /** The values joined by {@code ", "}; {@code none} when there is none. */
    static String join(List<?> values) {
        return values.isEmpty() ? "none" : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** RFC 3339 with the offset as published. */
    static String format(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** A share as a whole percentage, half up ({@code 0.125} is {@code 13%}). */
    static String percent(double share) {
        return Math.round(share * 100) + "%"; // half up, as "%.0f" would, without a Formatter per call
    }
}
