package org.citycoop.matching.vocabulary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/**
 * An amount of money: a decimal string (never a float) and an ISO 4217 currency code.
 *
 * @param amount non-negative decimal, for example {@code "250000.00"}
 * @param currency ISO 4217 alphabetic code, for example {@code "USD"}
 */
@Schema(description = "Money: a non-negative decimal string and an ISO 4217 currency code",
        example = "{\"amount\": \"300000\", \"currency\": \"USD\"}")
public record Money(
        @Schema(description = "Non-negative decimal amount as a string, at most 4 decimals", example = "300000")
        @NotNull @Pattern(regexp = "[0-9]{1,15}(\\.[0-9]{1,4})?", message = "must be a non-negative decimal string such as \"250000.00\"")
        String amount,
        @Schema(description = "ISO 4217 alphabetic currency code", example = "USD")
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of three upper-case letters")
        String currency) {

    /** The amount as a number; empty when it is missing or not a decimal (read tolerantly from events). */
    public Optional<BigDecimal> value() {
        if (amount == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(amount.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** For people: {@code 300,000 USD}. */
    public String display() {
        return value().map(Money::grouped).orElse(String.valueOf(amount)) + " " + currency;
    }

    /** An amount with thousands separators and no trailing zeros: {@code 1,234.5}. */
    public static String grouped(BigDecimal value) {
        return GROUPED.get().format(value);
    }

    /** One format per thread: a {@link DecimalFormat} is not thread-safe, and making one per call costs more than the formatting. */
    private static final ThreadLocal<DecimalFormat> GROUPED = ThreadLocal.withInitial(
            () -> new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ENGLISH)));
}
