package org.citycoop.catalog.vocabulary;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an IATI codelist converted to CSV (header {@code code, name_en, name_fr, description_en,
 * category, status, activation_date, withdrawal_date}; quoted fields may hold commas; CRLF or LF).
 */
final class CodeListReader {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema WITH_HEADER = CsvSchema.emptySchema().withHeader();

    /** A CSV row; columns the catalogue does not use are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Row(@JsonProperty("code") String code,
               @JsonProperty("name_en") String nameEn,
               @JsonProperty("name_fr") String nameFr,
               @JsonProperty("category") String category,
               @JsonProperty("status") String status) {
    }

    private CodeListReader() {
    }

    /**
     * Reads one codelist.
     *
     * @throws IllegalArgumentException when a row has no code, no English name, or a status other than
     *     {@code active} or {@code withdrawn}, or a code appears twice
     */
    static CodeList read(Vocabulary vocabulary, InputStream csv) {
        List<Code> codes = new ArrayList<>();
        try (MappingIterator<Row> rows = CSV.readerFor(Row.class).with(WITH_HEADER).readValues(csv)) {
            while (rows.hasNext()) {
                Row row = rows.next();
                String where = vocabulary.iatiCodelist() + " row " + (codes.size() + 2);
                if (blank(row.code()) || blank(row.nameEn())) {
                    throw new IllegalArgumentException(where + ": code and name_en are required");
                }
                boolean active = switch (row.status() == null ? "" : row.status()) {
                    case "active" -> true;
                    case "withdrawn" -> false;
                    default -> throw new IllegalArgumentException(where + ": unknown status '" + row.status() + "'");
                };
                codes.add(new Code(row.code(), row.nameEn(), emptyToNull(row.nameFr()), emptyToNull(row.category()), active));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read codelist " + vocabulary.iatiCodelist(), e);
        }
        return new CodeList(vocabulary, codes);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String emptyToNull(String value) {
        return blank(value) ? null : value;
    }
}
