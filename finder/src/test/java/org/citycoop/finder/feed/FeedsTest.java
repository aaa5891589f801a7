package org.citycoop.finder.feed;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedsTest {

    private static final ICalendar.Deadline DEADLINE = new ICalendar.Deadline("0b6f3f7e-2d4c-4a8e-bb1e-5c8f1a2d9e10", 3,
            Instant.parse("2027-03-31T14:59:00Z"), Instant.parse("2026-11-29T09:15:02Z"),
            "Deadline: 都市の大気質モニタリング支援, with commas; semicolons and a \\ backslash" + " and a long tail".repeat(5),
            "UNEP-IETC · Open\nline two", "https://citycoop.org/finder/ja/schemes/0b6f3f7e-2d4c-4a8e-bb1e-5c8f1a2d9e10");

    @Test
    void theCalendarParsesWithAnICalendarLibraryAndKeepsItsValues() throws Exception {
        String text = ICalendar.of("CityCoop", List.of(DEADLINE));
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded at 75 octets: " + line);
        }
        assertTrue(text.endsWith("END:VCALENDAR\r\n"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(1, events.size());
        VEvent event = events.get(0);
        assertEquals(DEADLINE.summary(), event.getProperty("SUMMARY").orElseThrow().getValue());
        assertEquals("UNEP-IETC · Open\nline two", event.getProperty("DESCRIPTION").orElseThrow().getValue());
        assertEquals("0b6f3f7e-2d4c-4a8e-bb1e-5c8f1a2d9e10@citycoop.org", event.getProperty("UID").orElseThrow().getValue());
        assertEquals("3", event.getProperty("SEQUENCE").orElseThrow().getValue());
        assertEquals("20270331T145900Z", event.getProperty("DTSTART").orElseThrow().getValue());
    }

    @Test
    void theAtomFeedIsWellFormedWithAnEntryPerScheme() throws Exception {
        String xml = AtomFeed.of("ja", "CityCoop <search> & more", "https://citycoop.org/finder/ja/feed.atom?q=a&b",
                "https://citycoop.org/finder/ja/?q=a&b", List.of(new AtomFeed.Entry("0b6f3f7e-2d4c-4a8e-bb1e-5c8f1a2d9e10",
                        "Air quality <monitoring> & support", "en", "UNEP-IETC", Instant.parse("2026-11-29T09:15:02Z"), "Open · 2027",
                        "https://citycoop.org/finder/ja/schemes/0b6f3f7e-2d4c-4a8e-bb1e-5c8f1a2d9e10")));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = feed.getDocumentElement();
        assertEquals("http://www.w3.org/2005/Atom", root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        assertEquals("CityCoop <search> & more", root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent());
        assertEquals("2026-11-29T09:15:02Z", root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "updated").item(0).getTextContent());
        Element entry = (Element) root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
        assertEquals("urn:uuid:0b6f3f7e-2d4c-4a8e-bb1e-5c8f1a2d9e10", entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent());
        assertEquals("Air quality <monitoring> & support", entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent());
    }
}
