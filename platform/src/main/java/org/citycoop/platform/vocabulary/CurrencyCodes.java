package org.citycoop.platform.vocabulary;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The currency codes the services accept: those the IATI Currency codelist ({@code data/iati/Currency.csv}, ISO 4217
 * as IATI keeps it, CC BY 4.0) lists as active. ISO 4217's codes for no currency, tests and precious metals
 * ({@code XXX}, {@code XTS}, {@code XAU}) are not in it. The catalogue serves the list at
 * {@code GET /v1/vocabularies/currencies}.
 */
public final class CurrencyCodes {

    /** Where the codelist ships, on the class path. */
    public static final String RESOURCE = "data/iati/Currency.csv";

    private static final Set<String> ACTIVE = read();

    private CurrencyCodes() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Row(@JsonProperty("code") String code, @JsonProperty("status") String status) {
    }

    private static Set<String> read() {
        Set<String> active = new HashSet<>();
        try (InputStream csv = CurrencyCodes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (csv == null) {
                throw new IllegalStateException("Missing class-path resource " + RESOURCE);
            }
            try (MappingIterator<Row> rows = new CsvMapper().readerFor(Row.class).with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
                while (rows.hasNext()) {
                    Row row = rows.next();
                    if ("active".equals(row.status())) {
                        active.add(row.code());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the IATI Currency codelist", e);
        }
        return Set.copyOf(active);
    }

    /** True for a code the IATI Currency codelist lists as active. */
    public static boolean isKnown(String code) {
        return code != null && ACTIVE.contains(code);
    }

    /** Why {@code code} is not accepted, in words that point to the list, for a problem's field error. */
    public static String problemWith(String code) {
        return "'" + code + "' is not an active ISO 4217 currency code (the list: GET /v1/vocabularies/currencies)";
    }
}
