package org.citycoop.catalog.activity.iati;

import org.citycoop.catalog.activity.ActivityContent;
import org.citycoop.catalog.activity.OrganisationBudgets;
import org.citycoop.platform.problem.ProblemException;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an IATI organisation file ({@code iati-organisations}, 2.01 to 2.03) with the same safe StAX settings and
 * refusals as {@link IatiActivityReader}: each {@code iati-organisation}'s identifier, reporting organisation, names
 * and budgets (total, per recipient country, per recipient region); expenditure, documents and the rest are skipped.
 */
public final class IatiOrganisationReader {

    private IatiOrganisationReader() {
    }

    /** One organisation of the file, with its reporting-org ref. */
    public record ReadOrganisation(int position, String reportingOrgRef, OrganisationBudgets budgets) {
    }

    /**
     * Reads every organisation of the file.
     *
     * @throws ProblemException 400 or 422 naming {@code body} when the file is refused, or a value that is not a date
     *     or a number (naming it)
     */
    public static List<ReadOrganisation> read(InputStream body) {
        try {
            XMLStreamReader xml = IatiActivityReader.safeFactory().createXMLStreamReader(body);
            try {
                boolean root = false;
                List<ReadOrganisation> organisations = new ArrayList<>();
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw IatiActivityReader.doctype();
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    if (!root) {
                        IatiActivityReader.checkRoot(xml, "iati-organisations");
                        root = true;
                    } else if ("iati-organisation".equals(xml.getLocalName())) {
                        organisations.add(organisation(xml, organisations.size() + 1));
                    } else {
                        IatiActivityReader.skip(xml);
                    }
                }
                if (!root) {
                    throw ProblemException.badRequest("body", "an IATI organisation file is required; the body holds no XML element");
                }
                return organisations;
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw IatiActivityReader.notWellFormed(e);
        } catch (com.ctc.wstx.exc.WstxLazyException e) {
            throw IatiActivityReader.notWellFormed(e);
        }
    }

    private static ReadOrganisation organisation(XMLStreamReader xml, int position) throws XMLStreamException {
        String path = "iati-organisation[" + position + "]";
        String language = xml.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
        String currency = attribute(xml, "default-currency");
        String lastUpdated = attribute(xml, "last-updated-datetime");
        String identifier = null;
        String reportingRef = null;
        Map<String, String> names = new LinkedHashMap<>();
        List<OrganisationBudgets.Budget> totals = new ArrayList<>();
        List<OrganisationBudgets.Budget> countries = new ArrayList<>();
        List<OrganisationBudgets.Budget> regions = new ArrayList<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "organisation-identifier" -> identifier = IatiActivityReader.text(xml);
                case "reporting-org" -> {
                    reportingRef = attribute(xml, "ref");
                    IatiActivityReader.skip(xml);
                }
                case "name" -> names.putAll(narratives(xml, language));
                case "total-budget" -> totals.add(budget(xml, path + "/total-budget[" + (totals.size() + 1) + "]", currency, null));
                case "recipient-country-budget" -> countries.add(budget(xml,
                        path + "/recipient-country-budget[" + (countries.size() + 1) + "]", currency, "recipient-country"));
                case "recipient-region-budget" -> regions.add(budget(xml,
                        path + "/recipient-region-budget[" + (regions.size() + 1) + "]", currency, "recipient-region"));
                default -> IatiActivityReader.skip(xml);
            }
        }
        return new ReadOrganisation(position, reportingRef,
                new OrganisationBudgets(identifier, names, lastUpdated, totals, countries, regions));
    }

    /** A budget element: its status, the code of its recipient (when {@code recipient} names one), period and value. */
    private static OrganisationBudgets.Budget budget(XMLStreamReader xml, String path, String defaultCurrency, String recipient)
            throws XMLStreamException {
        String status = attribute(xml, "status");
        String code = null;
        String vocabulary = null;
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
            String name = xml.getLocalName();
            if (name.equals(recipient)) {
                code = attribute(xml, "code");
                vocabulary = attribute(xml, "vocabulary");
                IatiActivityReader.skip(xml);
            } else if (name.equals("period-start")) {
                start = date(path + "/period-start/@iso-date", attribute(xml, "iso-date"));
                IatiActivityReader.skip(xml);
            } else if (name.equals("period-end")) {
                end = date(path + "/period-end/@iso-date", attribute(xml, "iso-date"));
                IatiActivityReader.skip(xml);
            } else if (name.equals("value")) {
                String currency = attribute(xml, "currency");
                String valueDate = attribute(xml, "value-date");
                String amount = IatiActivityReader.text(xml);
                BigDecimal number = IatiActivityReader.decimal(amount);
                if (number == null) {
                    throw ProblemException.invalid(path + "/value", "'" + amount + "' is not a decimal number");
                }
                value = new ActivityContent.Value(number.toPlainString(), currency != null ? currency : defaultCurrency,
                        valueDate == null ? null : date(path + "/value/@value-date", valueDate));
            } else {
                IatiActivityReader.skip(xml); // budget-line: not kept
            }
        }
        return new OrganisationBudgets.Budget(code, vocabulary, status, start, end, value);
    }

    private static String date(String path, String value) {
        String date = IatiActivityReader.isoDate(value);
        if (date == null) {
            throw ProblemException.invalid(path, "'" + value + "' is not an ISO 8601 date such as 2026-09-30");
        }
        return date;
    }

    private static Map<String, String> narratives(XMLStreamReader xml, String defaultLanguage) throws XMLStreamException {
        Map<String, String> texts = new LinkedHashMap<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return texts;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("narrative".equals(xml.getLocalName())) {
                    String lang = xml.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
                    lang = lang != null && !lang.isBlank() ? lang : defaultLanguage != null ? defaultLanguage : IatiActivityReader.ASSUMED_LANGUAGE;
                    String text = IatiActivityReader.text(xml);
                    if (text != null) {
                        texts.merge(lang.strip().toLowerCase(java.util.Locale.ROOT), text, (a, b) -> a + " " + b);
                    }
                } else {
                    IatiActivityReader.skip(xml);
                }
            }
        }
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
