package org.citycoop.catalog.activity;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IATI organisation identifiers that name the same organisation. An identifier is a registration agency's prefix
 * and the organisation's number there; organisations with an OECD DAC code use the prefix {@code XM-DAC}. Files
 * published before that prefix carry older forms, which IATI's identifier guidance maps to it:
 * <ul>
 *   <li>a multilateral's bare DAC channel code: {@code 44000} for {@code XM-DAC-44000} (the World Bank), {@code 46004}
 *       for {@code XM-DAC-46004} (ADB);</li>
 *   <li>a bilateral agency's ISO 3166-1 country code and DAC agency code: {@code DE-1} for {@code XM-DAC-5-1}
 *       (Germany's BMZ), so {@code JP-8} for {@code XM-DAC-701-8} (JICA, an agency of Japan).</li>
 * </ul>
 * Identifiers compare without regard to case and surrounding spaces.
 */
public final class IatiOrgIds {

    private static final Pattern MULTILATERAL = Pattern.compile("XM-DAC-(\\d+)");
    private static final Pattern BILATERAL = Pattern.compile("XM-DAC-(\\d+)-(\\d+)");

    private IatiOrgIds() {
    }

    /**
     * The forms that identify an organisation, in upper case.
     *
     * @param orgId its identifier as the catalogue holds it
     * @param country its ISO 3166-1 alpha-2 country, for the older form of a bilateral agency
     */
    public static Set<String> forms(String orgId, String country) {
        Set<String> forms = new LinkedHashSet<>();
        String id = normalise(orgId);
        forms.add(id);
        Matcher multilateral = MULTILATERAL.matcher(id);
        if (multilateral.matches()) {
            forms.add(multilateral.group(1));
        }
        Matcher bilateral = BILATERAL.matcher(id);
        if (bilateral.matches() && country != null) {
            forms.add(normalise(country) + "-" + bilateral.group(2));
        }
        return forms;
    }

    /** Whether {@code ref} (a file's {@code reporting-org/@ref}) identifies the organisation. */
    public static boolean identifies(String ref, String orgId, String country) {
        return ref != null && orgId != null && forms(orgId, country).contains(normalise(ref));
    }

    /**
     * Whether an activity identifier is the organisation's: IATI's rule is that it begins with the reporting
     * organisation's identifier (or a previous form of it) and a hyphen, which keeps one publisher from taking
     * another's identifiers.
     */
    public static boolean owns(String iatiIdentifier, String orgId, String country) {
        if (iatiIdentifier == null || orgId == null) {
            return false;
        }
        String identifier = normalise(iatiIdentifier);
        return forms(orgId, country).stream().anyMatch(form -> identifier.startsWith(form + "-"));
    }

    private static String normalise(String id) {
        return id.strip().toUpperCase(Locale.ROOT);
    }
}
