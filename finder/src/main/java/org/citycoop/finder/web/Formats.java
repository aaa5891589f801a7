package org.citycoop.finder.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Dates, times, numbers and money written for a language (the JDK's CLDR data: "31 Mar 2027", "2027/03/31"). */
public final class Formats {

    private final Locale locale;

    public Formats(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** The time as the agency gave it, in its own offset: "31 Mar 2027, 23:59 (UTC+09:00)". */
    public String dateTimeWithOffset(OffsetDateTime time) {
        if (time == null) {
            return "";
        }
        String offset = time.getOffset().getTotalSeconds() == 0 ? "UTC" : "UTC" + time.getOffset().getId();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).format(time)
                + " (" + offset + ")";
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** "USD 300,000" in English, "300,000 USD" in Japanese; the currency's own decimals only where the amount has them. */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        int digits = amount.stripTrailingZeros().scale() > 0 ? currencyDigits(currency) : 0;
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        String number = format.format(amount);
        return locale.getLanguage().equals("ja") ? number + " " + currency : currency + " " + number;
    }

    /** A share in [0, 1] as a percentage: "25%". */
    public String percent(BigDecimal share) {
        return share == null ? "" : NumberFormat.getPercentInstance(locale).format(share);
    }

    /** A country's name in the language ("Indonesia", "インドネシア"), the code when the JDK has no name. */
    public String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    private static int currencyDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }
}
