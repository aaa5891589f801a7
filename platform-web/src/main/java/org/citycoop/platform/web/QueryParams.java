package org.citycoop.platform.web;

import org.citycoop.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads query (and path) parameters that JAX-RS would otherwise turn into a 404 when malformed (resources take
 * them as text): each bad value is a 400 problem naming the parameter and what it accepts. Values are taken as
 * written, in the forms of {@link StrictText}: no spaces around them, ASCII digits only.
 */
public final class QueryParams {

    /** Default page size of every list. */
    public static final int DEFAULT_LIMIT = 20;
    /** Largest page size of every list. */
    public static final int MAX_LIMIT = 100;

    private QueryParams() {
    }

    /** The {@code limit} parameter: an integer from 1 to 100, 20 when absent. */
    public static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        return integer("limit", value, 1, MAX_LIMIT);
    }

    /** A whole number from {@code min} to {@code max} in ASCII digits ({@code １０} is not a number here). */
    public static int integer(String parameter, String value, int min, int max) {
        if (value != null && StrictText.INTEGER.matcher(value).matches() && value.length() <= 11) {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return (int) number;
            }
        }
        throw ProblemException.badRequest(parameter, "must be an integer from " + min + " to " + max + " in ASCII digits, got '"
                + value + "'");
    }

    /** A decimal number in ASCII digits ({@code 1250.50}; no exponent, no spaces), null when absent. */
    public static java.math.BigDecimal decimal(String parameter, String value, String example) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!StrictText.DECIMAL.matcher(value).matches()) {
            throw ProblemException.badRequest(parameter, "must be a decimal number in ASCII digits such as " + example
                    + ", got '" + value + "'");
        }
        return new java.math.BigDecimal(value);
    }

    /** An RFC 3339 time with offset and a four-digit year ({@link StrictText#TIMESTAMP}), null when absent. */
    public static java.time.OffsetDateTime timestamp(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (StrictText.TIMESTAMP.matcher(value).matches()) {
                return java.time.OffsetDateTime.parse(value);
            }
        } catch (java.time.format.DateTimeParseException e) {
            // reported below
        }
        throw ProblemException.badRequest(parameter, "must be an RFC 3339 time with offset, for example 2027-03-31T23:59:00+09:00, got '"
                + value + "'");
    }

    /** A boolean parameter: {@code true} or {@code false}, {@code fallback} when absent. */
    public static boolean flag(String parameter, String value, boolean fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(parameter, "must be true or false, got '" + value + "'");
        };
    }

    /** One value of an enum parameter, null when absent; an unknown value is a 400 listing the allowed ones. */
    public static <E extends Enum<E>> E enumValue(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return enums(parameter, List.of(value), type).get(0);
    }

    /**
     * One value of an enum parameter whose values the API writes in lower case (such as {@code sort=deadline}),
     * read in any case; null when absent; an unknown value is a 400 listing the allowed ones in lower case.
     */
    public static <E extends Enum<E>> E lowerCaseEnumValue(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(known -> known.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest(parameter, "unknown value '" + value + "'; allowed: "
                        + Arrays.stream(type.getEnumConstants()).map(known -> known.name().toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining(", "))));
    }

    /** Every value of a repeatable enum parameter; an unknown value is a 400 listing the allowed ones. */
    public static <E extends Enum<E>> List<E> enums(String parameter, List<String> values, Class<E> type) {
        List<E> parsed = new ArrayList<>();
        if (values == null) {
            return parsed;
        }
        for (String value : values) {
            try {
                parsed.add(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(parameter, "unknown value '" + value + "'; allowed: "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        return parsed;
    }
}
