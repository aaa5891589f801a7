package org.citycoop.catalog.activity.iati;

import org.citycoop.catalog.activity.ActivityContent;
import org.citycoop.platform.problem.ProblemException;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an IATI activity file ({@code iati-activities}, versions 2.01 to 2.03) one {@code iati-activity} at a time
 * with StAX, so that memory stays flat whatever the file's size: only the elements the catalogue keeps are read,
 * every other subtree (transactions, results, locations, ...) is skipped without being held.
 *
 * <p>The file is refused as a whole, with a problem naming {@code body}, when it is not well-formed XML (400, with
 * line and column), carries a DOCTYPE (400: no DTD, no entity of its own, so no external entity and no entity
 * expansion), has another root element (422), or is IATI 1.x or an unknown version (422). A refusal can come after
 * activities were read: the caller stores nothing until the file has been read to its end.
 */
public final class IatiActivityReader implements AutoCloseable {

    /** The IATI versions this reader knows. */
    public static final Set<String> VERSIONS = Set.of("2.01", "2.02", "2.03");

    /** The language read for a narrative without {@code xml:lang} when the activity gives no default either. */
    public static final String ASSUMED_LANGUAGE = "en";

    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(Z|[+-]\\d{2}:\\d{2})?");

    private final XMLStreamReader xml;
    private final String version;
    private int position;

    private IatiActivityReader(XMLStreamReader xml, String version) {
        this.xml = xml;
        this.version = version;
    }

    /** The longest text (a narrative, a comment) read from a file, in characters; a longer one refuses the file. */
    static final int MAX_TEXT = 200_000;

    /**
     * A StAX factory (Woodstox) that reads no DTD and resolves no external entity (XXE and entity expansion are
     * impossible), and bounds what one piece of a file may hold, so that no file under the size limit can exhaust the
     * memory: a text or comment of {@link #MAX_TEXT} characters, an attribute of 64 KB, 200 attributes, nesting 100
     * deep.
     */
    static XMLInputFactory safeFactory() {
        XMLInputFactory factory = new com.ctc.wstx.stax.WstxInputFactory();
        factory.setProperty(com.ctc.wstx.api.WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT);
        factory.setProperty(com.ctc.wstx.api.WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 65_536);
        factory.setProperty(com.ctc.wstx.api.WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 200);
        factory.setProperty(com.ctc.wstx.api.WstxInputProperties.P_MAX_ELEMENT_DEPTH, 100);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entities are not read (" + systemId + ")");
        });
        return factory;
    }

    /**
     * Opens a file: reads up to its root element and checks it.
     *
     * @throws ProblemException 400 or 422 naming {@code body} when the file is refused
     */
    public static IatiActivityReader open(InputStream body) {
        XMLStreamReader xml = null;
        try {
            xml = safeFactory().createXMLStreamReader(body);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw doctype();
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return new IatiActivityReader(xml, checkRoot(xml, "iati-activities"));
                }
            }
            throw ProblemException.badRequest("body", "an IATI activity file is required; the body holds no XML element");
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        } catch (com.ctc.wstx.exc.WstxLazyException e) {
            throw notWellFormed(e);
        }
    }

    /** The file's IATI version ({@code iati-activities/@version}). */
    public String version() {
        return version;
    }

    /**
     * Checks the root element of an IATI file.
     *
     * @return the file's version
     */
    public static String checkRoot(XMLStreamReader xml, String expected) {
        String root = xml.getLocalName();
        if (!expected.equals(root) || xml.getNamespaceURI() != null && !xml.getNamespaceURI().isEmpty()) {
            throw ProblemException.invalid("body", "the root element is <" + xml.getName() + ">, an IATI "
                    + (expected.equals("iati-activities") ? "activity" : "organisation") + " file has <" + expected + ">");
        }
        String version = xml.getAttributeValue(null, "version");
        if (version == null) {
            throw ProblemException.invalid("body", "<" + expected + "> has no version attribute; IATI 2.01 or later is needed");
        }
        if (version.trim().startsWith("1.")) {
            throw ProblemException.invalid("body", "the file is IATI " + version.trim() + "; IATI 1.x is not read, IATI 2.01 or later is "
                    + "needed (publish the file again in version 2.03)");
        }
        if (!VERSIONS.contains(version.trim())) {
            throw ProblemException.invalid("body", "IATI version '" + version + "' is not known here; the versions read are 2.01, 2.02 and 2.03");
        }
        return version.trim();
    }

    /**
     * The next activity of the file, or null after the last one.
     *
     * @throws ProblemException 400 naming {@code body} when the rest of the file is not well-formed
     */
    public ReadActivity next() {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if ("iati-activity".equals(xml.getLocalName()) && isIati()) {
                        position++;
                        return new ActivityParser(xml, position).read();
                    }
                    skip(xml);
                } else if (event == XMLStreamConstants.DTD) {
                    throw doctype();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        } catch (com.ctc.wstx.exc.WstxLazyException e) {
            throw notWellFormed(e);
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // nothing held beyond the stream, which the caller closes
        }
    }

    private boolean isIati() {
        return xml.getNamespaceURI() == null || xml.getNamespaceURI().isEmpty();
    }

    static ProblemException doctype() {
        return ProblemException.badRequest("body", "a DOCTYPE is not allowed in an IATI file (no DTD and no entity of its own is read)");
    }

    /** The problem for a parse error: its line and column, or the problem already raised while reading the body. */
    /** The same for an error the parser found while reading a text lazily (a text over {@link #MAX_TEXT}, say). */
    public static ProblemException notWellFormed(com.ctc.wstx.exc.WstxLazyException e) {
        return e.getCause() instanceof XMLStreamException stream ? notWellFormed(stream) : overLimitOr(e.getMessage(), "");
    }

    public static ProblemException notWellFormed(XMLStreamException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
            if (cause instanceof XMLStreamException stream && stream.getNestedException() instanceof ProblemException problem) {
                return problem;
            }
        }
        Location location = e.getLocation();
        String message = e.getMessage() == null ? "unreadable" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        message = message.replaceFirst("(?s)\\s*at \\[row,col[^\\]]*\\]: \\[\\d+,\\d+\\]\\s*$", ""); // the parser's own location, said below
        String where = location == null ? "" : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        return overLimitOr(message.strip(), where);
    }

    /** A file past one of the parser's bounds ({@link #safeFactory}), else one that is not well-formed. */
    private static ProblemException overLimitOr(String message, String where) {
        if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("limit")) {
            return ProblemException.badRequest("body", "the file holds more than one part of it may" + where + ": " + message
                    + " (texts and comments " + MAX_TEXT + " characters, attributes 64 KB, nesting 100 deep)");
        }
        return ProblemException.badRequest("body", "not well-formed XML" + where + ": " + message);
    }

    /** Skips the current element (at its START_ELEMENT) and everything in it, holding none of it. */
    static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The text of the current element (child elements skipped), trimmed; null when blank. */
    static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(xml.getText());
                case XMLStreamConstants.START_ELEMENT -> skip(xml);
                case XMLStreamConstants.END_ELEMENT -> {
                    String value = text.toString().strip();
                    return value.isEmpty() ? null : value;
                }
                default -> {
                }
            }
        }
    }

    /** Reads one {@code iati-activity}, at its START_ELEMENT, up to its END_ELEMENT. */
    private static final class ActivityParser {

        private final XMLStreamReader xml;
        private final int position;
        private final List<String> reasons = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final String defaultLanguage;
        private boolean languageAssumed;

        private String identifier;
        private ActivityContent.Organisation reportingOrg;
        private final Map<String, String> titles = new LinkedHashMap<>();
        private final Map<String, String> descriptions = new LinkedHashMap<>();
        private String status;
        private String plannedStart;
        private String actualStart;
        private String plannedEnd;
        private String actualEnd;
        private final List<ActivityContent.Share> countries = new ArrayList<>();
        private final List<ActivityContent.Share> regions = new ArrayList<>();
        private final List<ActivityContent.Share> sectors = new ArrayList<>();
        private String financeType;
        private final List<ActivityContent.Coded> aidTypes = new ArrayList<>();
        private String flowType;
        private final List<ActivityContent.Participant> participants = new ArrayList<>();
        private final List<ActivityContent.Budget> budgets = new ArrayList<>();
        private final List<ActivityContent.DocumentLink> documents = new ArrayList<>();
        private final Map<String, BigDecimal> committed = new java.util.TreeMap<>();
        private boolean commitmentWithoutCurrency;

        ActivityParser(XMLStreamReader xml, int position) {
            this.xml = xml;
            this.position = position;
            this.defaultLanguage = blankToNull(xml.getAttributeValue(XMLConstants.XML_NS_URI, "lang"));
        }

        ReadActivity read() throws XMLStreamException {
            String currency = blankToNull(xml.getAttributeValue(null, "default-currency"));
            String humanitarianFlag = blankToNull(xml.getAttributeValue(null, "humanitarian"));
            String lastUpdated = blankToNull(xml.getAttributeValue(null, "last-updated-datetime"));
            if (lastUpdated != null && lastUpdatedTime(lastUpdated) == null) {
                reasons.add("@last-updated-datetime: '" + lastUpdated + "' is not an xsd:dateTime such as 2026-09-30T00:00:00Z");
            }
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.getNamespaceURI() != null && !xml.getNamespaceURI().isEmpty()) {
                    skip(xml); // an extension of another namespace
                    continue;
                }
                String name = xml.getLocalName();
                String path = name + "[" + counts.merge(name, 1, Integer::sum) + "]";
                switch (name) {
                    case "iati-identifier" -> identifier = text(xml);
                    case "reporting-org" -> reportingOrg = new ActivityContent.Organisation(attribute("ref"), attribute("type"),
                            narratives(path));
                    case "title" -> merge(titles, narratives(path), " ");
                    case "description" -> {
                        String type = attribute("type");
                        Map<String, String> texts = narratives(path);
                        if (type == null || "1".equals(type)) {
                            merge(descriptions, texts, "\n\n");
                        }
                    }
                    case "participating-org" -> participants.add(new ActivityContent.Participant(attribute("ref"), attribute("role"),
                            attribute("type"), narratives(path)));
                    case "activity-status" -> {
                        status = attribute("code");
                        skip(xml);
                    }
                    case "activity-date" -> {
                        String type = attribute("type");
                        String date = date(path + "/@iso-date", attribute("iso-date"));
                        switch (type == null ? "" : type) {
                            case "1" -> plannedStart = date;
                            case "2" -> actualStart = date;
                            case "3" -> plannedEnd = date;
                            case "4" -> actualEnd = date;
                            default -> reasons.add(path + "/@type: '" + type + "' is not an IATI ActivityDateType (1 to 4)");
                        }
                        skip(xml);
                    }
                    case "recipient-country" -> {
                        countries.add(new ActivityContent.Share(attribute("code"), null, percentage(path)));
                        skip(xml);
                    }
                    case "recipient-region" -> {
                        regions.add(new ActivityContent.Share(attribute("code"), attribute("vocabulary"), percentage(path)));
                        skip(xml);
                    }
                    case "sector" -> {
                        sectors.add(new ActivityContent.Share(attribute("code"), attribute("vocabulary"), percentage(path)));
                        skip(xml);
                    }
                    case "default-finance-type" -> {
                        financeType = attribute("code");
                        skip(xml);
                    }
                    case "default-flow-type" -> {
                        flowType = attribute("code");
                        skip(xml);
                    }
                    case "default-aid-type" -> {
                        aidTypes.add(new ActivityContent.Coded(attribute("code"), attribute("vocabulary")));
                        skip(xml);
                    }
                    case "budget" -> budgets.add(budget(path, currency));
                    case "document-link" -> documents.add(documentLink(path));
                    case "transaction" -> transaction(path, currency);
                    default -> skip(xml); // transactions, results, locations, contacts, ...: not kept
                }
            }
            if (commitmentWithoutCurrency) {
                warnings.add("transaction: a commitment has no currency (no @currency and no default-currency); it is left out of committed");
            }
            if (languageAssumed) {
                warnings.add("language assumed: narratives without xml:lang, and no xml:lang on iati-activity, are read as '"
                        + ASSUMED_LANGUAGE + "'");
            }
            ActivityContent content = new ActivityContent(identifier, reportingOrg, titles, descriptions, status,
                    new ActivityContent.Dates(plannedStart, actualStart, plannedEnd, actualEnd), countries, regions, sectors,
                    financeType, aidTypes, flowType, currency, participants, budgets,
                    committed.entrySet().stream().map(e -> new ActivityContent.Amount(e.getValue().stripTrailingZeros().toPlainString(), e.getKey())).toList(),
                    documents,
                    "1".equals(humanitarianFlag) || "true".equals(humanitarianFlag), lastUpdated);
            return new ReadActivity(position, content, reasons, warnings);
        }

        private String attribute(String name) {
            return blankToNull(xml.getAttributeValue(null, name));
        }

        private String percentage(String path) {
            String value = attribute("percentage");
            if (value == null) {
                return null;
            }
            BigDecimal number = decimal(value);
            if (number == null || number.signum() < 0 || number.compareTo(BigDecimal.valueOf(100)) > 0) {
                reasons.add(path + "/@percentage: '" + value + "' is not a number from 0 to 100");
                return null;
            }
            return number.toPlainString();
        }

        private String date(String path, String value) {
            if (value == null) {
                reasons.add(path + ": an ISO 8601 date such as 2026-09-30 is required");
                return null;
            }
            String date = isoDate(value);
            if (date == null) {
                reasons.add(path + ": '" + value + "' is not an ISO 8601 date such as 2026-09-30");
            }
            return date;
        }

        /** The narratives of the current element by language; other children skipped. */
        private Map<String, String> narratives(String path) throws XMLStreamException {
            Map<String, String> texts = new LinkedHashMap<>();
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return texts;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if ("narrative".equals(xml.getLocalName())) {
                        String lang = blankToNull(xml.getAttributeValue(XMLConstants.XML_NS_URI, "lang"));
                        if (lang == null) {
                            lang = defaultLanguage;
                        }
                        if (lang == null) {
                            lang = ASSUMED_LANGUAGE;
                            languageAssumed = true;
                        }
                        String text = text(xml);
                        if (text != null) {
                            texts.merge(lang.toLowerCase(java.util.Locale.ROOT), text, (a, b) -> a + " " + b);
                        }
                    } else {
                        skip(xml);
                    }
                }
            }
        }

        private ActivityContent.Budget budget(String path, String defaultCurrency) throws XMLStreamException {
            String type = attribute("type");
            String budgetStatus = attribute("status");
            String start = null;
            String end = null;
            ActivityContent.Value value = null;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "period-start" -> {
                        start = date(path + "/period-start/@iso-date", attribute("iso-date"));
                        skip(xml);
                    }
                    case "period-end" -> {
                        end = date(path + "/period-end/@iso-date", attribute("iso-date"));
                        skip(xml);
                    }
                    case "value" -> {
                        String currency = attribute("currency");
                        String valueDate = attribute("value-date");
                        String date = valueDate == null ? null : date(path + "/value/@value-date", valueDate);
                        String amount = text(xml);
                        BigDecimal number = amount == null ? null : decimal(amount);
                        if (number == null) {
                            reasons.add(path + "/value: '" + amount + "' is not a decimal number");
                        }
                        value = new ActivityContent.Value(number == null ? null : number.toPlainString(),
                                currency != null ? currency : defaultCurrency, date);
                    }
                    default -> skip(xml);
                }
            }
            if (value == null) {
                reasons.add(path + "/value: a budget needs a value");
            }
            return new ActivityContent.Budget(type, budgetStatus, start, end, value);
        }

        /**
         * A transaction: only a commitment (transaction-type 2) is read, into the sum per currency; the rest of the
         * transaction is skipped.
         */
        private void transaction(String path, String defaultCurrency) throws XMLStreamException {
            String type = null;
            String amount = null;
            String currency = null;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "transaction-type" -> {
                        type = attribute("code");
                        skip(xml);
                    }
                    case "value" -> {
                        currency = attribute("currency");
                        amount = text(xml);
                    }
                    default -> skip(xml);
                }
            }
            if (!"2".equals(type)) {
                return;
            }
            BigDecimal number = decimal(amount);
            if (number == null) {
                reasons.add(path + "/value: '" + amount + "' is not a decimal number");
            } else if (currency == null && defaultCurrency == null) {
                commitmentWithoutCurrency = true;
            } else {
                committed.merge(currency != null ? currency : defaultCurrency, number, BigDecimal::add);
            }
        }

        private ActivityContent.DocumentLink documentLink(String path) throws XMLStreamException {
            String url = attribute("url");
            String format = attribute("format");
            Map<String, String> linkTitles = Map.of();
            List<String> categories = new ArrayList<>();
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "title" -> linkTitles = narratives(path + "/title");
                    case "category" -> {
                        String code = attribute("code");
                        if (code != null) {
                            categories.add(code);
                        }
                        skip(xml);
                    }
                    default -> skip(xml);
                }
            }
            return new ActivityContent.DocumentLink(url, format, linkTitles, categories);
        }

        private static void merge(Map<String, String> into, Map<String, String> texts, String separator) {
            texts.forEach((lang, text) -> into.merge(lang, text, (a, b) -> a + separator + b));
        }
    }

    /** An xsd:date ({@code 2026-09-30}, an offset allowed and dropped) as an ISO 8601 date, or null when it is none. */
    static String isoDate(String value) {
        if (value == null) {
            return null;
        }
        var matcher = DATE.matcher(value);
        try {
            return matcher.matches() ? LocalDate.parse(matcher.group(1)).toString() : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A decimal number in plain notation (IATI's xsd:decimal), or null. */
    static BigDecimal decimal(String value) {
        if (value == null || !value.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return null;
        }
        return new BigDecimal(value).stripTrailingZeros().scale() < 0
                ? new BigDecimal(value).setScale(0, java.math.RoundingMode.UNNECESSARY)
                : new BigDecimal(value).stripTrailingZeros();
    }

    /**
     * An xsd:dateTime as an instant to compare; a value without offset is read as UTC.
     *
     * @return null when the value is not an xsd:dateTime
     */
    public static OffsetDateTime lastUpdatedTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).atOffset(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
