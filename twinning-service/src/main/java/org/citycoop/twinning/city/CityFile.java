package org.citycoop.twinning.city;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a GeoNames cities CSV file ({@link CityRecord#COLUMNS}, header first). A bad row (wrong number of
 * columns, a value out of range, a GeoNames id seen before) is skipped with the reason; it never stops the
 * file. Only a file whose header is not the expected one is refused as a whole.
 */
public final class CityFile {

    private CityFile() {
    }

    /**
     * What a file holds.
     *
     * @param cities the rows that may enter the registry, in file order
     * @param skipped one line per skipped row: its line number and why
     */
    public record Contents(List<CityRecord> cities, List<String> skipped) {
        /** Data rows in the file, good and bad. */
        public int rowsRead() {
            return cities.size() + skipped.size();
        }
    }

    /** Reads the whole file. */
    public static Contents read(Reader csv) throws IOException {
        List<CityRecord> cities = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(csv)) {
            if (!rows.hasNextValue()) {
                throw new IOException("The cities file is empty");
            }
            List<String> header = Arrays.asList(rows.nextValue());
            if (!header.equals(CityRecord.COLUMNS)) {
                throw new IOException("The cities file's header is " + header + ", expected " + CityRecord.COLUMNS);
            }
            while (true) {
                long line = rows.getCurrentLocation().getLineNr();
                String[] row;
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    row = rows.nextValue();
                } catch (IOException | RuntimeException unreadable) {
                    // The CSV itself cannot be tokenised any further (an unterminated quote): keep what was read.
                    skipped.add("line " + line + ": unreadable from here on (" + unreadable.getMessage() + ")");
                    break;
                }
                if (row.length == 1 && row[0].isBlank()) {
                    continue; // an empty line
                }
                try {
                    CityRecord city = CityRecord.parse(Arrays.asList(row));
                    if (!seen.add(city.geonamesId())) {
                        throw new CityRecord.InvalidRow("geonames_id " + city.geonamesId() + " appears earlier in the file");
                    }
                    cities.add(city);
                } catch (CityRecord.InvalidRow invalid) {
                    skipped.add("line " + line + ": " + invalid.getMessage());
                }
            }
        }
        return new Contents(cities, skipped);
    }
}
