package org.citycoop.platform.vocabulary;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The DAC 5-digit purpose codes of the IATI Sector codelist ({@code data/iati/Sector.csv}, IATI Standard,
 * CC BY 4.0). A code is accepted when it is listed with status {@code active}; withdrawn codes are refused
 * with their withdrawal date.
 */
public final class SectorCodelist {

    /** Where the codelist ships, on the class path. */
    public static final String RESOURCE = "data/iati/Sector.csv";
    private static final Pattern FIVE_DIGITS = Pattern.compile("[0-9]{5}");

    private final Map<String, Entry> entries;

    private SectorCodelist(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** One row of the codelist (the columns this service uses). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(@JsonProperty("code") String code, @JsonProperty("name_en") String name,
                        @JsonProperty("status") String status, @JsonProperty("withdrawal_date") String withdrawalDate) {
        boolean active() {
            return "active".equals(status);
        }
    }

    /** Reads the codelist CSV (header row first). */
    public static SectorCodelist read(InputStream csv) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (MappingIterator<Entry> rows = new CsvMapper().readerFor(Entry.class).with(schema).readValues(csv)) {
            while (rows.hasNext()) {
                Entry entry = rows.next();
                entries.put(entry.code(), entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the IATI Sector codelist", e);
        }
        return new SectorCodelist(entries);
    }

    /** The codelist shipped with the service. */
    public static SectorCodelist shipped() {
        try (InputStream csv = SectorCodelist.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (csv == null) {
                throw new IllegalStateException("Missing class-path resource " + RESOURCE);
            }
            return read(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Why {@code code} is not an acceptable sector, or empty when it is an active DAC 5-digit purpose code.
     */
    public Optional<String> problemWith(String code) {
        if (code == null || !FIVE_DIGITS.matcher(code).matches()) {
            return Optional.of("expected a DAC 5-digit purpose code such as 14050 (IATI Sector codelist: GET /v1/vocabularies/sectors)");
        }
        Entry entry = entries.get(code);
        if (entry == null) {
            return Optional.of("unknown DAC 5-digit purpose code '" + code + "' (IATI Sector codelist: GET /v1/vocabularies/sectors)");
        }
        if (!entry.active()) {
            return Optional.of("purpose code " + code + " (" + entry.name() + ") was withdrawn from the IATI Sector codelist"
                    + (entry.withdrawalDate() == null || entry.withdrawalDate().isBlank() ? "" : " on " + entry.withdrawalDate())
                    + " (active codes: GET /v1/vocabularies/sectors)");
        }
        return Optional.empty();
    }

    /** Number of codes listed (active and withdrawn). */
    public int size() {
        return entries.size();
    }
}
