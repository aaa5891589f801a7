package org.citycoop.platform.web;

import org.citycoop.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads query parameters that JAX-RS would otherwise turn into a 404 when malformed (resources take
 * them as text): each bad value is a 400 problem naming the parameter and what it accepts.
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
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest("limit", "must be an integer from 1 to " + MAX_LIMIT + ", got '" + value + "'");
    }

    /** A boolean parameter: {@code true} or {@code false}, {@code fallback} when absent. */
    public static boolean flag(String parameter, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim()) {
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
