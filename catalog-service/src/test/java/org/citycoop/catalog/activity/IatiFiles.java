package org.citycoop.catalog.activity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The IATI files of the tests ({@code src/test/resources/iati/}), and small ones made on the spot. */
public final class IatiFiles {

    private IatiFiles() {
    }

    static String read(String name) {
        try (InputStream in = IatiFiles.class.getResourceAsStream("/iati/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test file iati/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A test file whose activity identifiers are made the agency's own ({@code XM-DAC-41116-T1} becomes
     * {@code XM-DAC-41116-<agency>-T1}): identifiers are unique across agencies, and the tests share one database.
     */
    public static String forAgency(String name, String agency) {
        return read(name).replace("<iati-identifier>XM-DAC-41116-T", "<iati-identifier>XM-DAC-41116-" + agency + "-T");
    }

    /** A file of one activity of the given identifier and reporting organisation. */
    static String oneActivity(String identifier, String reportingOrg, String lastUpdated, String title) {
        return "<iati-activities version=\"2.03\"><iati-activity xml:lang=\"en\" default-currency=\"USD\""
                + (lastUpdated == null ? "" : " last-updated-datetime=\"" + lastUpdated + "\"") + ">"
                + "<iati-identifier>" + identifier + "</iati-identifier>"
                + "<reporting-org ref=\"" + reportingOrg + "\" type=\"40\"/>"
                + "<title><narrative>" + title + "</narrative></title>"
                + "<activity-status code=\"2\"/><recipient-country code=\"ID\"/><sector code=\"14050\"/>"
                + "</iati-activity></iati-activities>";
    }

    /** A file of {@code count} activities of the agency in Indonesia, sector 14050, in implementation since 2020. */
    static String generated(String agency, int count) {
        StringBuilder xml = new StringBuilder("<iati-activities version=\"2.03\">");
        for (int i = 0; i < count; i++) {
            xml.append("<iati-activity xml:lang=\"en\" default-currency=\"USD\" last-updated-datetime=\"2026-09-30T00:00:00Z\">")
                    .append("<iati-identifier>XM-DAC-41116-").append(agency).append(String.format("-G%05d", i)).append("</iati-identifier>")
                    .append("<reporting-org ref=\"XM-DAC-41116\" type=\"40\"/>")
                    .append("<title><narrative>Generated activity ").append(i).append("</narrative></title>")
                    .append("<activity-status code=\"2\"/><activity-date iso-date=\"2020-01-01\" type=\"2\"/>")
                    .append("<recipient-country code=\"ID\"/><sector code=\"14050\"/></iati-activity>");
        }
        return xml.append("</iati-activities>").toString();
    }
}
