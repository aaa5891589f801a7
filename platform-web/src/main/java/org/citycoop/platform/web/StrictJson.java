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
 * converted ({@code "name": 42}, {@code "typicalDays": "14"} or {@code 14.5}, {@code "done": 1} are 400 problems naming the
 * field); enum values are taken as written only (not trimmed: {@code " OPEN"} is unknown); strings may not hold NUL or an
 * unpaired surrogate; numbers read into floating-point fields must be finite ({@code 1e400} is refused, not infinity);
 * times and dates are strings only (not numbers or arrays) in their exact forms ({@link StrictText#DATE}
 * {@code YYYY-MM-DD}, {@link StrictText#TIMESTAMP} RFC 3339 with offset, four-digit years); times keep the offset they were sent with
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
        mapper.registerModule(times("citycoop-times-as-text", StrictText.TIMESTAMP, StrictText.DATE));
        // Floating-point fields: a number too large for a double (1e400) would silently become infinity.
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("citycoop-finite-numbers")
                .addDeserializer(Double.class, new Finite(new com.fasterxml.jackson.databind.deser.std.NumberDeserializers
                        .DoubleDeserializer(Double.class, null)))
                .addDeserializer(Double.TYPE, new Finite(new com.fasterxml.jackson.databind.deser.std.NumberDeserializers
                        .DoubleDeserializer(Double.TYPE, 0.d))));
        // Enum values as written: Jackson's EnumDeserializer would also take them with spaces or control characters
        // around them (" SOLID_WASTE", "SOLID_WASTE\u0000"), trimmed.
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("citycoop-exact-enums")
                .setDeserializerModifier(new com.fasterxml.jackson.databind.deser.BeanDeserializerModifier() {
                    @Override
                    public com.fasterxml.jackson.databind.JsonDeserializer<?> modifyEnumDeserializer(
                            com.fasterxml.jackson.databind.DeserializationConfig config, com.fasterxml.jackson.databind.JavaType type,
                            com.fasterxml.jackson.databind.BeanDescription description,
                            com.fasterxml.jackson.databind.JsonDeserializer<?> deserializer) {
                        return new ExactEnum(deserializer, type.getRawClass());
                    }
                }));
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        // "" or " " is no identifier, address or code: Jackson would read it as null for a UUID, URI or Locale.
        mapper.coercionConfigFor(LogicalType.OtherScalar).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(Boolean.TRUE);
        // "done": 12345 is not true: no number becomes a boolean.
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
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
            if (value != null && StrictText.hasUnpairedSurrogate(value)) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(parser,
                        "must be well-formed Unicode: it holds an unpaired surrogate (such as \\ud800)", value, String.class);
            }
            return value;
        }
    }

    /**
     * A time or date read by {@code delegate} from a JSON string of the exact form {@code pattern} only; any other
     * JSON value or form is refused (jackson-datatype-jsr310 would also take {@code +12026-11-29}, or a whole
     * timestamp in a date field).
     */
    static final class TextOnly<T> extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<T> {
        private final com.fasterxml.jackson.databind.JsonDeserializer<? extends T> delegate;
        private final java.util.regex.Pattern pattern;
        private final String form;

        TextOnly(Class<T> type, com.fasterxml.jackson.databind.JsonDeserializer<? extends T> delegate,
                 java.util.regex.Pattern pattern, String form) {
            super(type);
            this.delegate = delegate;
            this.pattern = pattern;
            this.form = form;
        }

        @Override
        public T deserialize(com.fasterxml.jackson.core.JsonParser parser,
                             com.fasterxml.jackson.databind.DeserializationContext context) throws java.io.IOException {
            if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                throw com.fasterxml.jackson.databind.exc.MismatchedInputException.from(parser, handledType(),
                        "expected an RFC 3339 string");
            }
            if (!pattern.matcher(parser.getText()).matches()) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(parser,
                        "must be " + form + ", not '" + parser.getText() + "'", parser.getText(), handledType());
            }
            return delegate.deserialize(parser, context);
        }
    }

    /** A floating-point number that must be finite: a JSON number beyond the range of a double is refused. */
    static final class Finite extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<Double> {
        private final com.fasterxml.jackson.databind.JsonDeserializer<Double> delegate;

        Finite(com.fasterxml.jackson.databind.JsonDeserializer<Double> delegate) {
            super(delegate.handledType());
            this.delegate = delegate;
        }

        @Override
        public Double deserialize(com.fasterxml.jackson.core.JsonParser parser,
                                  com.fasterxml.jackson.databind.DeserializationContext context) throws java.io.IOException {
            Double value = delegate.deserialize(parser, context);
            if (value != null && !Double.isFinite(value)) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(parser,
                        "must be a finite number within the range of a double", parser.getText(), handledType());
            }
            return value;
        }

        @Override
        public Double getNullValue(com.fasterxml.jackson.databind.DeserializationContext context)
                throws com.fasterxml.jackson.databind.JsonMappingException {
            return delegate.getNullValue(context);
        }
    }

    /**
     * An enum read by Jackson's own deserializer, except that a string with spaces or control characters around the
     * value is an unknown value (reported with the allowed ones), not trimmed.
     */
    static final class ExactEnum extends com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer {
        private final Class<?> type;

        ExactEnum(com.fasterxml.jackson.databind.JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected com.fasterxml.jackson.databind.JsonDeserializer<?> newDelegatingInstance(
                com.fasterxml.jackson.databind.JsonDeserializer<?> newDelegatee) {
            return new ExactEnum(newDelegatee, type);
        }

        @Override
        public Object deserialize(com.fasterxml.jackson.core.JsonParser parser,
                                  com.fasterxml.jackson.databind.DeserializationContext context) throws java.io.IOException {
            if (parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (!text.isEmpty() && (text.charAt(0) <= ' ' || text.charAt(text.length() - 1) <= ' ')) {
                    throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(parser,
                            "unknown value with spaces or control characters around it", text, type);
                }
            }
            return super.deserialize(parser, context);
        }
    }

    /**
     * A copy of the service's mapper that ignores unknown fields and takes any time or date the JSON-time module
     * reads (still from strings only): for reading other services' events, which carry what their producer stored.
     */
    public static ObjectMapper tolerant(ObjectMapper mapper) {
        java.util.regex.Pattern any = java.util.regex.Pattern.compile(".*", java.util.regex.Pattern.DOTALL);
        return mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .registerModule(times("citycoop-times-as-sent", any, any));
    }

    /** Times and dates from JSON strings of these forms only. */
    private static com.fasterxml.jackson.databind.Module times(String name, java.util.regex.Pattern timestamp, java.util.regex.Pattern date) {
        String timeForm = "an RFC 3339 time with offset such as 2027-03-31T23:59:00+09:00";
        return new com.fasterxml.jackson.databind.module.SimpleModule(name)
                .addDeserializer(java.time.OffsetDateTime.class, new TextOnly<>(java.time.OffsetDateTime.class,
                        com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.OFFSET_DATE_TIME, timestamp, timeForm))
                .addDeserializer(java.time.Instant.class, new TextOnly<>(java.time.Instant.class,
                        com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.INSTANT, timestamp, timeForm))
                .addDeserializer(java.time.LocalDate.class, new TextOnly<>(java.time.LocalDate.class,
                        com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer.INSTANCE, date, "a date YYYY-MM-DD such as 2026-11-29"));
    }
}
