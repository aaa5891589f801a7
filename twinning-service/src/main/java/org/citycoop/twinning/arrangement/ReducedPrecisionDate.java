package org.citycoop.twinning.arrangement;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * An ISO 8601 calendar date of reduced precision: a year ({@code 1981}), a month ({@code 2012-04}) or a
 * day ({@code 2012-04-01}). It stands for the days from {@link #firstDay()} to {@link #lastDay()}.
 *
 * @param text the date as written
 * @param firstDay the first day it covers
 * @param lastDay the last day it covers
 */
public record ReducedPrecisionDate(String text, LocalDate firstDay, LocalDate lastDay) {

    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** What a malformed date is told. */
    public static final String FORMS = "expected an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD (such as 1981, 2012-04 or 2012-04-01)";

    /**
     * Reads a date.
     *
     * @throws IllegalArgumentException when {@code text} is none of the three forms or not a real date
     */
    public static ReducedPrecisionDate parse(String text) {
        try {
            if (YEAR.matcher(text).matches()) {
                Year year = Year.parse(text);
                return new ReducedPrecisionDate(text, year.atDay(1), year.atMonth(12).atEndOfMonth());
            }
            if (MONTH.matcher(text).matches()) {
                YearMonth month = YearMonth.parse(text);
                return new ReducedPrecisionDate(text, month.atDay(1), month.atEndOfMonth());
            }
            if (DAY.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                return new ReducedPrecisionDate(text, day, day);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(FORMS + "; '" + text + "' is not a real date", e);
        }
        throw new IllegalArgumentException(FORMS);
    }

    /** True when this date ends before {@code other} starts (no day of this one is on or after other's first day). */
    public boolean endsBefore(ReducedPrecisionDate other) {
        return lastDay.isBefore(other.firstDay);
    }
}
