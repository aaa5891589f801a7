package org.citycoop.platform.export;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.citycoop.platform.problem.ProblemException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A list's {@code :export} operation ({@code GET /v1/schemes:export}, {@code GET /v1/activities:export}): the whole
 * result of its filters as a file, streamed as it is read from the database in batches (never held whole), as
 * NDJSON (one JSON object per line) or CSV (RFC 4180: CRLF line ends, a header row, UTF-8).
 */
public final class Export {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    /** The file formats, by the value of the {@code format} parameter. */
    public enum Format {
        NDJSON, CSV;

        /** The {@code format} parameter's value. */
        public String parameter() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private Export() {
    }

    /**
     * The {@code format} parameter: {@code ndjson} (the default) or {@code csv}.
     *
     * @throws ProblemException 400 naming {@code format} for any other value
     */
    public static Format format(String value) {
        if (value == null || value.equals("ndjson")) {
            return Format.NDJSON;
        }
        if (value.equals("csv")) {
            return Format.CSV;
        }
        throw ProblemException.badRequest("format", "must be ndjson or csv");
    }

    /** The 200 answer streaming {@code body}, offered for download as {@code <name>.ndjson} or {@code <name>.csv}. */
    private static Response response(Format format, String name, StreamingOutput body) {
        return Response.ok(body, format == Format.CSV ? CSV + "; charset=UTF-8; header=present" : NDJSON)
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + format.parameter() + "\"")
                .header(HttpHeaders.CONTENT_LANGUAGE, "en") // the labels of the codes are English
                .build();
    }

    /** A CSV writer of rows (maps from column to text) with these columns, their names in a header row. */
    private static SequenceWriter csv(OutputStream out, List<String> columns) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        return new CsvMapper().writerFor(Map.class).with(schema.build().withHeader().withLineSeparator("\r\n"))
                .writeValues(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /**
     * A CSV row as a spreadsheet may open it safely: a text that a spreadsheet would take for a formula (it starts with
     * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, and is not a plain number) gets a leading
     * apostrophe (OWASP's advice against CSV injection), so that a scheme or activity title cannot run as a formula.
     */
    static Map<String, Object> spreadsheetSafe(Map<String, ?> row) {
        Map<String, Object> safe = new java.util.LinkedHashMap<>(row);
        safe.replaceAll((column, value) -> value instanceof String text && !text.isEmpty()
                && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(text).matches() ? "'" + text : value);
        return safe;
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]?\\d{1,30}(\\.\\d{1,30})?");

    /** Writes one item of a batch. */
    @FunctionalInterface
    private interface ItemWriter<T> {
        void write(T item) throws IOException;
    }

    /**
     * The 200 answer streaming a list's whole result as a file: CSV rows (made {@link #spreadsheetSafe}) under a
     * header of {@code columns}, or NDJSON lines; read in keyset batches ({@link #inBatches}).
     *
     * @param name the file's name without extension, for example {@code schemes}
     * @param after the batch after an item, as for {@link #inBatches}
     * @param row an item's CSV row, from column to text
     * @param line an item's NDJSON line
     */
    public static <T> Response stream(Format format, String name, List<String> columns, Function<T, List<T>> after, int size,
                                      Function<T, Map<String, ?>> row, Function<T, Object> line,
                                      com.fasterxml.jackson.databind.ObjectMapper mapper) {
        return response(format, name, out -> {
            if (format == Format.CSV) {
                try (SequenceWriter rows = csv(out, columns)) {
                    inBatches(after, size, item -> rows.write(spreadsheetSafe(row.apply(item))), rows);
                }
            } else {
                inBatches(after, size, item -> {
                    out.write(mapper.writeValueAsBytes(line.apply(item)));
                    out.write('\n');
                }, out);
            }
        });
    }

    /**
     * Reads the result in keyset batches and writes each item, flushing after each batch.
     *
     * @param after the batch after an item (the first batch after null), in the result's order; a batch shorter than
     *     {@code size} is the last
     */
    private static <T> void inBatches(Function<T, List<T>> after, int size, ItemWriter<T> writer, java.io.Flushable flush) throws IOException {
        T last = null;
        for (List<T> batch = after.apply(null); !batch.isEmpty(); batch = batch.size() < size ? List.of() : after.apply(last)) {
            for (T item : batch) {
                writer.write(item);
                last = item;
            }
            flush.flush();
        }
    }
}
