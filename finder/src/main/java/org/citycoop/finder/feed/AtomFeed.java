package org.citycoop.finder.feed;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

/** An Atom feed (RFC 4287) of schemes, newest change first, written with the JDK's XML writer (escaping included). */
public final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    /** A scheme as an entry: its id stays, {@code updated} moves with each change. */
    public record Entry(String schemeId, String title, String titleLanguage, String author, Instant updated, String summary, String url) {
    }

    private AtomFeed() {
    }

    public static String of(String language, String title, String selfUrl, String pageUrl, List<Entry> entries) {
        Instant updated = entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", language);
            element(xml, "id", selfUrl);
            element(xml, "title", title);
            element(xml, "updated", updated.toString());
            link(xml, "self", selfUrl, "application/atom+xml");
            link(xml, "alternate", pageUrl, "text/html");
            xml.writeStartElement("author");
            element(xml, "name", "CityCoop");
            xml.writeEndElement();
            for (Entry entry : entries) {
                xml.writeStartElement("entry");
                element(xml, "id", "urn:uuid:" + entry.schemeId());
                xml.writeStartElement("title");
                xml.writeAttribute("xml:lang", entry.titleLanguage());
                xml.writeCharacters(entry.title());
                xml.writeEndElement();
                element(xml, "updated", entry.updated().toString());
                link(xml, "alternate", entry.url(), "text/html");
                xml.writeStartElement("author");
                element(xml, "name", entry.author());
                xml.writeEndElement();
                element(xml, "summary", entry.summary());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }
}
