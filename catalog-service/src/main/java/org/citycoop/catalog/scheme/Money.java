package org.citycoop.catalog.scheme;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.validation.constraints.NotNull;
import org.citycoop.catalog.web.DecimalString;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * An amount of money: a decimal amount (a JSON string, never a float) and an ISO 4217 currency.
 *
 * @param amount non-negative decimal, for example {@code "250000.00"}
 * @param currency ISO 4217 code from the IATI Currency list, for example {@code USD}
 */
@Schema(description = "Money: decimal amount as a string and ISO 4217 currency")
public record Money(
        @NotNull
        @JsonDeserialize(using = DecimalString.Deserializer.class)
        @JsonSerialize(using = DecimalString.Serializer.class)
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                description = "Non-negative decimal amount as a string (at most 15 digits before the point, 6 after)",
                example = "250000.00")
        BigDecimal amount,
        @NotNull
        @Schema(description = "ISO 4217 currency code (GET /v1/vocabularies/currencies)", example = "USD")
        String currency) {
}
