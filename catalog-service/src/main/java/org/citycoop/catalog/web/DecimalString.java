package org.citycoop.catalog.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Decimal amounts as JSON strings ({@code "250000.00"}), never JSON numbers, so that no client or
 * intermediary reads them as binary floating point. Accepted: a non-negative plain decimal, up to 15
 * digits before the point and 6 after ({@code "10000"}, {@code "0.25"}); refused: JSON numbers,
 * exponents, signs, blanks.
 */
public final class DecimalString {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,6})?");

    private DecimalString() {
    }

    /** Reads a decimal string into a {@link BigDecimal}; anything else fails with the field's JSON path. */
    public static final class Deserializer extends StdScalarDeserializer<BigDecimal> {
        public Deserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING || !PLAIN_DECIMAL.matcher(parser.getText()).matches()) {
                // A plain mapping exception (not a type mismatch), so that the problem carries this explanation.
                throw JsonMappingException.from(parser, "expected a non-negative decimal string such as \"250000.00\" "
                        + "(not a JSON number; at most 15 digits before the point and 6 after)");
            }
            return new BigDecimal(parser.getText());
        }
    }

    /** Writes a {@link BigDecimal} as a plain decimal string, never in exponent notation. */
    public static final class Serializer extends StdScalarSerializer<BigDecimal> {
        public Serializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toPlainString());
        }
    }

    /**
     * The canonical form of an amount, so that {@code "10000"} and {@code "10000.00"} are the same content:
     * trailing zeros of the fraction removed.
     */
    public static BigDecimal canonical(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
