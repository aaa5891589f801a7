package org.citycoop.catalog.activity.iati;

import org.citycoop.catalog.activity.ActivityContent;
import org.citycoop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The StAX reader alone: what it keeps of an activity, what it skips, what it refuses. */
class IatiActivityReaderTest {

    private static List<ReadActivity> readAll(InputStream in) {
        List<ReadActivity> all = new ArrayList<>();
        try (IatiActivityReader reader = IatiActivityReader.open(in)) {
            for (ReadActivity activity = reader.next(); activity != null; activity = reader.next()) {
                all.add(activity);
            }
        }
        return all;
    }

    private static List<ReadActivity> readAll(String xml) {
        return readAll(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void keepsWhatTheModelNeedsAndSkipsTransactionsAndResults() throws IOException {
        List<ReadActivity> read;
        try (InputStream in = getClass().getResourceAsStream("/iati/activities.xml")) {
            read = readAll(in);
        }
        assertEquals(4, read.size());
        ActivityContent first = read.get(0).content();
        assertEquals("XM-DAC-41116-T1", first.iatiIdentifier());
        assertEquals(Map.of("en", "Solid waste management in Surabaya", "ja", "スラバヤの廃棄物管理"), first.titles());
        assertEquals(Map.of("en", "Composting and collection."), first.descriptions());
        assertEquals("2", first.status());
        assertEquals(new ActivityContent.Dates("2015-04-01", "2015-06-15", "2030-03-31", null), first.dates());
        assertEquals(List.of(new ActivityContent.Share("ID", null, "100")), first.recipientCountries());
        assertEquals(3, first.sectors().size());
        assertEquals(List.of(new ActivityContent.Amount("20000000", "JPY"), new ActivityContent.Amount("1500000", "USD")), first.committed());
        assertEquals(new ActivityContent.Value("250000", "USD", "2015-04-01"), first.budgets().get(0).value());
        assertEquals("XM-DAC-41116", first.reportingOrg().ref());
        assertEquals(List.of(), read.get(0).reasons());
        assertEquals(List.of(), read.get(0).warnings());
        assertEquals("41116", read.get(1).content().reportingOrg().ref());
        assertTrue(read.get(1).warnings().get(0).startsWith("language assumed"));
        assertNull(read.get(2).content().iatiIdentifier());
        assertEquals(1, read.get(3).reasons().size());
    }

    @Test
    void refusesDoctypesWrongRootsAndOldVersions() {
        ProblemException doctype = assertThrows(ProblemException.class,
                () -> readAll("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><iati-activities version=\"2.03\">&e;</iati-activities>"));
        assertEquals(400, doctype.status());
        assertEquals(422, assertThrows(ProblemException.class, () -> readAll("<iati-activities version=\"1.05\"/>")).status());
        assertEquals(422, assertThrows(ProblemException.class, () -> readAll("<iati-organisations version=\"2.03\"/>")).status());
        ProblemException broken = assertThrows(ProblemException.class, () -> readAll("<iati-activities version=\"2.03\">\n<a>\n</b>"));
        assertEquals(400, broken.status());
        assertTrue(broken.errors().get(0).detail().startsWith("not well-formed XML at line 3, column"), broken.getMessage());
    }
}
