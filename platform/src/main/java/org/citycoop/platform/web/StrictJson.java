package org.citycoop.platform.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON rules shared by the services' APIs: unknown fields, unknown enum values, repeated keys and
 * anything after the JSON value in a request are refused (a client never has a field silently dropped); values of the wrong type are refused, not
 * converted ({@code "name": 42}, {@code "typicalDays": "14"} or {@code 14.5} are 400 problems naming the
 * field); strings may not hold NUL; times and dates are strings only (not numbers or arrays); times keep the offset they were sent with
 * (a deadline of {@code 23:59+09:00} stays that, not {@code 14:59Z}); times are written as RFC 3339
 * strings. Event consumers read tolerantly with {@link #tolerant(ObjectMapper)}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, after Quarkus' own customizers (which register the java.time module), so that these rules win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("citycoop-no-nul")
                .addDeserializer(String.class, new NoNulStrings()));
        // Times and dates only as RFC 3339 strings: jackson-datatype-jsr310 would also take a number (seconds since
        // 1970, or 20261129 as the year 57443) and an array ([2026, 11, 29]), whatever the coercion settings.
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("citycoop-times-as-text")
                .addDeserializer(java.time.OffsetDateTime.class, new TextOnly<>(java.time.OffsetDateTime.class,
                        com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.OFFSET_DATE_TIME))
                .addDeserializer(java.time.Instant.class, new TextOnly<>(java.time.Instant.class,
                        com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.INSTANT))
                .addDeserializer(java.time.LocalDate.class, new TextOnly<>(java.time.LocalDate.class,
                        com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer.INSTANCE)));
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** Strings as Jackson reads them, refusing the NUL character (PostgreSQL cannot store it in text). */
    static final class NoNulStrings extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String> {
        NoNulStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser parser,
                                  com.fasterxml.jackson.databind.DeserializationContext context) throws java.io.IOException {
            String value = com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(parser,
                        "must not contain the NUL character (\\u0000)", value, String.class);
            }
            return value;
        }
    }

    /** A time or date read by {@code delegate} from a JSON string only; any other JSON value is a mismatch. */
    static final class TextOnly<T> extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<T> {
        private final com.fasterxml.jackson.databind.JsonDeserializer<? extends T> delegate;

        TextOnly(Class<T> type, com.fasterxml.jackson.databind.JsonDeserializer<? extends T> delegate) {
            super(type);
            this.delegate = delegate;
        }

        @Override
        public T deserialize(com.fasterxml.jackson.core.JsonParser parser,
                             com.fasterxml.jackson.databind.DeserializationContext context) throws java.io.IOException {
            if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                throw com.fasterxml.jackson.databind.exc.MismatchedInputException.from(parser, handledType(),
                        "expected an RFC 3339 string");
            }
            return delegate.deserialize(parser, context);
        }
    }

    /** A copy of the service's mapper that ignores unknown fields: for reading other services' events. */
    public static ObjectMapper tolerant(ObjectMapper mapper) {
        return mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
