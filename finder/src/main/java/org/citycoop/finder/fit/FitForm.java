package org.citycoop.finder.fit;

import jakarta.ws.rs.core.MultivaluedMap;
import org.citycoop.finder.web.Codes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "What fits my city" as its URL holds it: {@code city} (as typed or chosen: "Surabaya, ID"), {@code applicantType},
 * {@code p.<CHALLENGE>=1..3} (the priority of each challenge wanted, 1 the highest), {@code supportType} (repeated),
 * {@code budget} and {@code currency}, {@code leftOut=1} to see the schemes left out and {@code leftOutAfter} (the last
 * left-out scheme shown: the list goes on after it). Values it cannot use are left out and listed as {@link Issue}s.
 */
public final class FitForm {

    public static final int MAX_CITY_LENGTH = 100;

    /** Something in the URL that was left out or is missing. */
    public record Issue(Kind kind, String parameter, String value) {
        public enum Kind { UNKNOWN_VALUE, BAD_AMOUNT, NO_CITY, NO_CHALLENGE, CITY_TOO_LONG }
    }

    private final boolean asked;
    private final String city;
    private String applicantType = "LOCAL_GOVERNMENT";
    private final Map<String, Integer> priorities = new LinkedHashMap<>();
    private final List<String> supportTypes = new ArrayList<>();
    private BigDecimal budget;
    private String currency = "USD";
    private final boolean leftOut;
    private final String leftOutAfter;
    private final List<Issue> issues = new ArrayList<>();

    public FitForm(MultivaluedMap<String, String> params) {
        asked = params.containsKey("city");
        String typed = first(params, "city");
        if (typed != null && typed.length() > MAX_CITY_LENGTH) {
            issues.add(new Issue(Issue.Kind.CITY_TOO_LONG, "city", null));
            typed = null;
        }
        city = typed;
        String applicant = first(params, "applicantType");
        if (applicant != null) {
            if (Codes.APPLICANT_TYPES.contains(applicant)) {
                applicantType = applicant;
            } else {
                issues.add(new Issue(Issue.Kind.UNKNOWN_VALUE, "applicantType", clip(applicant)));
            }
        }
        for (String name : params.keySet()) {
            if (!name.startsWith("p.")) {
                continue;
            }
            String area = name.substring(2);
            String value = first(params, name);
            if (!Codes.CHALLENGES.contains(area)) {
                issues.add(new Issue(Issue.Kind.UNKNOWN_VALUE, "challenge", clip(area)));
            } else if (value != null && !value.equals("0")) {
                if (value.matches("[123]")) {
                    priorities.put(area, Integer.parseInt(value));
                } else {
                    issues.add(new Issue(Issue.Kind.UNKNOWN_VALUE, name, clip(value)));
                }
            }
        }
        for (String type : params.getOrDefault("supportType", List.of())) {
            if (Codes.SUPPORT_TYPES.contains(type)) {
                if (!supportTypes.contains(type)) {
                    supportTypes.add(type);
                }
            } else if (type != null && !type.isBlank()) {
                issues.add(new Issue(Issue.Kind.UNKNOWN_VALUE, "supportType", clip(type)));
            }
        }
        String amount = first(params, "budget");
        if (amount != null) {
            String plain = amount.replace(",", "").replace("_", "");
            if (plain.matches("\\d{1,15}(\\.\\d{1,2})?")) {
                budget = new BigDecimal(plain);
            } else {
                issues.add(new Issue(Issue.Kind.BAD_AMOUNT, "budget", clip(amount)));
            }
        }
        String wantedCurrency = first(params, "currency");
        if (wantedCurrency != null) {
            if (Codes.CURRENCIES.contains(wantedCurrency)) {
                currency = wantedCurrency;
            } else {
                issues.add(new Issue(Issue.Kind.UNKNOWN_VALUE, "currency", clip(wantedCurrency)));
            }
        }
        leftOut = "1".equals(first(params, "leftOut"));
        String after = first(params, "leftOutAfter");
        leftOutAfter = leftOut && after != null && after.length() <= 64 ? after : null;
        if (asked && city == null && issues.stream().noneMatch(i -> i.kind() == Issue.Kind.CITY_TOO_LONG)) {
            issues.add(new Issue(Issue.Kind.NO_CITY, "city", null));
        }
        if (asked && priorities.isEmpty()) {
            issues.add(new Issue(Issue.Kind.NO_CHALLENGE, "p", null));
        }
    }

    /** Whether the visitor asked (the form was sent), rather than opened the empty form. */
    public boolean asked() {
        return asked;
    }

    /** Whether there is enough to ask the API: a city and at least one challenge. */
    public boolean complete() {
        return city != null && !priorities.isEmpty();
    }

    /**
     * The typed city split into its name and, after a last comma, an ISO country code ("Surabaya, ID"): what the
     * type-ahead offers.
     */
    public String cityName() {
        if (city == null) {
            return null;
        }
        int comma = city.lastIndexOf(',');
        return comma > 0 && countryCode() != null ? city.substring(0, comma).strip() : city;
    }

    /**
     * The GeoNames id the city was given by: all of it ({@code 1625822}, a link's), or after a {@code #} at its end
     * ({@code San Fernando, PH #1690039}, what the type-ahead offers for a name several cities share); else null.
     */
    public String cityId() {
        if (city == null) {
            return null;
        }
        java.util.regex.Matcher id = CITY_ID.matcher(city);
        return id.matches() ? id.group(1) : null;
    }

    private static final java.util.regex.Pattern CITY_ID = java.util.regex.Pattern.compile("(?:.*#\\s*)?(\\d{1,10})");

    public String countryCode() {
        if (city == null) {
            return null;
        }
        int comma = city.lastIndexOf(',');
        String tail = comma > 0 ? city.substring(comma + 1).strip() : "";
        return tail.matches("[A-Z]{2}") ? tail : null;
    }

    public String city() {
        return city == null ? "" : city;
    }

    public String applicantType() {
        return applicantType;
    }

    public int priority(String area) {
        return priorities.getOrDefault(area, 0);
    }

    public Map<String, Integer> priorities() {
        return priorities;
    }

    public List<String> supportTypes() {
        return supportTypes;
    }

    public boolean wants(String supportType) {
        return supportTypes.contains(supportType);
    }

    public BigDecimal budget() {
        return budget;
    }

    public String budgetText() {
        return budget == null ? "" : budget.toPlainString();
    }

    public String currency() {
        return currency;
    }

    public boolean leftOut() {
        return leftOut;
    }

    /** The id of the last left-out scheme already shown, or null for the first ones. */
    public String leftOutAfter() {
        return leftOutAfter;
    }

    public List<Issue> issues() {
        return issues;
    }

    private static String first(MultivaluedMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String clip(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
