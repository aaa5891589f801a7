package org.citycoop.finder.fit;

import com.fasterxml.jackson.databind.JsonNode;
import org.citycoop.finder.i18n.Msg;
import org.citycoop.finder.web.Formats;
import org.citycoop.finder.web.Lang;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each criterion of a match ({@code POST /v1/matches}: {@code criterion}, {@code result}) as a labelled reason in the page's
 * language. The matching service explains in English only, so the wording is made here from what it compared: the needs
 * the visitor gave ({@link FitForm}), the city's country, and the matched scheme's status, window, funding range, challenge
 * areas and support types. A criterion (or a result of one) this class does not know keeps the service's English text,
 * marked as such.
 */
public final class MatchReasons {

    /** One criterion's reason: its label, its result and why; {@code inEnglish} when the text is the service's own. */
    public record Reason(String criterion, String result, String resultCode, String text, boolean inEnglish) {
    }

    private final Msg msg;
    private final Lang lang;
    private final Formats formats;
    private final FitForm form;
    private final String country;
    private final Instant now;

    /**
     * @param country the city's ISO 3166-1 alpha-2 code
     * @param now when the match was made (deadlines count from it)
     */
    public MatchReasons(Msg msg, Lang lang, FitForm form, String country, Instant now) {
        this.msg = msg;
        this.lang = lang;
        this.formats = new Formats(lang.locale());
        this.form = form;
        this.country = country;
        this.now = now;
    }

    /**
     * @param item one item of the match answer ({@code scheme}, {@code explanation})
     * @param funding the scheme's funding range as its card shows it
     */
    public List<Reason> of(JsonNode item, String funding) {
        JsonNode scheme = item.path("scheme");
        List<Reason> reasons = new ArrayList<>();
        for (JsonNode e : item.path("explanation")) {
            String criterion = e.path("criterion").asText();
            String result = e.path("result").asText();
            String text = text(criterion, result, scheme, funding, e.path("detail").asText(""));
            boolean english = text == null;
            reasons.add(new Reason(msg.criterion(criterion), msg.result(result), result,
                    english ? e.path("detail").asText("") : text, english));
        }
        return reasons;
    }

    /** The reason in the page's language, or null when this criterion or result is not one the finder knows. */
    String text(String criterion, String result, JsonNode scheme, String funding, String detail) {
        boolean met = result.equals("MET");
        boolean partly = result.equals("PARTLY_MET");
        boolean failed = result.equals("FAILED");
        return switch (criterion) {
            case "relevance" -> met ? msg.why_relevance_met(list(covered(scheme), ""))
                    : failed ? msg.why_relevance_failed(list(codes(scheme.path("challengeAreas")), "challenge")) : null;
            case "applicantType" -> met ? msg.why_applicant_met(msg.applicantType(form.applicantType()))
                    : partly ? msg.why_applicant_unknown() : failed ? msg.why_applicant_failed(msg.applicantType(form.applicantType())) : null;
            case "country" -> met ? msg.why_country_met(formats.country(country))
                    : partly ? msg.why_country_regions(formats.country(country)) : failed ? msg.why_country_failed(formats.country(country)) : null;
            case "status" -> status(scheme, result);
            case "deadline" -> deadline(scheme.path("window"), scheme.path("status").asText(""), result);
            case "partnerCity" -> met ? msg.why_partner_met() : failed ? msg.why_partner_failed() : null;
            case "challenges" -> challenges(scheme);
            case "supportTypes" -> supportTypes(scheme);
            case "budget" -> budget(scheme.path("fundingRange"), funding);
            case "sectors" -> met ? msg.why_sectors_any() : null;
            case "coFinancing" -> met ? msg.why_cofinancing_none() : partly ? msg.why_cofinancing_needed() : null;
            case "trackRecord" -> trackRecord(result, detail);
            case "language" -> met ? msg.why_language_met(languageName())
                    : partly ? msg.why_language_english(languageName()) : null;
            default -> null;
        };
    }

    /**
     * The agency's IATI track record in the city's country. The API's values are the result and its English detail:
     * a partly met one is either no activity known at all or activities in the country in other sectors.
     */
    private static final java.util.regex.Pattern TRACK_RECORD = java.util.regex.Pattern.compile(
            " has (\\d{1,9}) activit(?:y|ies) in [^(]{1,200}?(?: in sectors? ([0-9]{5}(?:(?:, | and )[0-9]{5}){0,50}))?(?: since ([0-9]{4}))? \\(IATI");

    private String trackRecord(String result, String detail) {
        return switch (result) {
            case "MET" -> {
                // The API's detail: "ADB has 14 activities in Indonesia in sectors 14050 and 14022 since 2015 (IATI, ...)".
                java.util.regex.Matcher counted = TRACK_RECORD.matcher(detail);
                yield counted.find()
                        ? msg.why_track_met(formats.country(country), Integer.parseInt(counted.group(1)),
                                counted.group(2) == null ? "" : counted.group(2), counted.group(3) == null ? "" : counted.group(3))
                        : msg.why_track_met_plain(formats.country(country));
            }
            case "PARTLY_MET" -> detail.startsWith("no IATI activities") ? msg.why_track_unknown()
                    : msg.why_track_other_sectors(formats.country(country));
            case "FAILED" -> msg.why_track_failed(formats.country(country));
            default -> null;
        };
    }

    private String status(JsonNode scheme, String result) {
        JsonNode window = scheme.path("window");
        String status = scheme.path("status").asText("");
        return switch (status) {
            case "OPEN" -> msg.why_status_open();
            case "FORECASTED" -> {
                OffsetDateTime opens = time(window.path("opens"));
                OffsetDateTime deadline = time(window.path("deadline"));
                if (opens != null && deadline != null && window.path("kind").asText().equals("ANNUAL")) {
                    opens = opens.plusYears(nextOccurrence(deadline).getYear() - deadline.getYear());
                }
                yield opens == null ? msg.why_status_not_yet() : msg.why_status_opens(formats.date(opens.toLocalDate()));
            }
            case "CLOSED" -> {
                OffsetDateTime deadline = time(window.path("deadline"));
                yield deadline != null && window.path("kind").asText().equals("FIXED") && deadline.toInstant().isBefore(now)
                        ? msg.why_status_closed_on(formats.date(deadline.toLocalDate())) : msg.why_status_closed();
            }
            case "WITHDRAWN" -> msg.why_status_withdrawn();
            default -> result.equals("PARTLY_MET") ? msg.why_status_unknown() : null;
        };
    }

    private String deadline(JsonNode window, String status, String result) {
        String kind = window.path("kind").asText("");
        if (kind.equals("ROLLING")) {
            if (status.equals("CLOSED") || status.equals("WITHDRAWN")) {
                return msg.why_deadline_rolling_ended(); // the window never ended, the scheme did: its status says why
            }
            return result.equals("MET") ? msg.why_deadline_rolling() : null;
        }
        OffsetDateTime deadline = time(window.path("deadline"));
        if (deadline == null || kind.isEmpty()) {
            return result.equals("PARTLY_MET") ? msg.why_deadline_none() : null;
        }
        OffsetDateTime next = kind.equals("ANNUAL") ? nextOccurrence(deadline) : deadline;
        String date = formats.date(next.toLocalDate());
        String days = formats.number(Duration.between(now, next.toInstant()).toDays());
        return switch (result) {
            case "MET" -> msg.why_deadline_met(date, days);
            case "PARTLY_MET" -> kind.equals("ANNUAL") ? msg.why_deadline_next_year(date, formats.date(next.plusYears(1).toLocalDate())) : null;
            case "FAILED" -> next.toInstant().isBefore(now) ? msg.why_deadline_passed(date) : msg.why_deadline_too_soon(date, days);
            default -> null;
        };
    }

    /** As the matching service weighs them: the sum of 1/priority of the challenges addressed over that of all. */
    private String challenges(JsonNode scheme) {
        Set<String> areas = codes(scheme.path("challengeAreas"));
        double covered = 0;
        double total = 0;
        List<String> named = new ArrayList<>();
        for (Map.Entry<String, Integer> wanted : form.priorities().entrySet().stream().sorted(Map.Entry.comparingByValue()).toList()) {
            double weight = 1.0 / wanted.getValue();
            total += weight;
            if (areas.contains(wanted.getKey())) {
                covered += weight;
                named.add(msg.area_priority(msg.challenge(wanted.getKey()), formats.number(wanted.getValue())));
            }
        }
        if (named.isEmpty()) {
            return msg.why_challenges_none();
        }
        return msg.why_challenges(join(named), percent(total == 0 ? 1 : covered / total));
    }

    private String supportTypes(JsonNode scheme) {
        if (form.supportTypes().isEmpty()) {
            return msg.why_support_any();
        }
        Set<String> offers = codes(scheme.path("supportTypes"));
        List<String> offered = form.supportTypes().stream().filter(offers::contains).toList();
        String wanted = join(form.supportTypes().stream().map(msg::supportType).toList());
        return offered.isEmpty() ? msg.why_support_not_offered(list(offers, "supportType"), wanted)
                : msg.why_support_offered(join(offered.stream().map(msg::supportType).toList()), wanted);
    }

    /** As the matching service compares them: inside the range, above its maximum, below its minimum, or not comparable. */
    private String budget(JsonNode range, String funding) {
        BigDecimal need = form.budget();
        if (need == null) {
            return msg.why_budget_none();
        }
        String budget = formats.money(need, form.currency());
        BigDecimal min = amount(range.path("min"));
        BigDecimal max = amount(range.path("max"));
        if (min == null && max == null) {
            return msg.why_budget_unknown();
        }
        if ((min != null && !range.path("min").path("currency").asText().equals(form.currency()))
                || (max != null && !range.path("max").path("currency").asText().equals(form.currency()))) {
            return msg.why_budget_currency(funding, budget);
        }
        if (max != null && need.compareTo(max) > 0) {
            return msg.why_budget_above(budget, formats.money(max, form.currency()), percent(max.divide(need, MathContext.DECIMAL64).doubleValue()));
        }
        if (min != null && need.compareTo(min) < 0) {
            return msg.why_budget_below(budget, formats.money(min, form.currency()));
        }
        return msg.why_budget_inside(budget, funding);
    }

    /** The visitor's challenges the scheme addresses, by label, highest priority first. */
    private List<String> covered(JsonNode scheme) {
        Set<String> areas = codes(scheme.path("challengeAreas"));
        return form.priorities().entrySet().stream().filter(p -> areas.contains(p.getKey()))
                .sorted(Map.Entry.comparingByValue()).map(p -> msg.challenge(p.getKey())).toList();
    }

    private String list(java.util.Collection<String> values, String kind) {
        return join(values.stream().map(v -> switch (kind) {
            case "challenge" -> msg.challenge(v);
            case "supportType" -> msg.supportType(v);
            default -> v;
        }).toList());
    }

    private String join(List<String> labels) {
        return String.join(lang == Lang.JA ? "、" : ", ", labels);
    }

    private String percent(double share) {
        return NumberFormat.getPercentInstance(lang.locale()).format(share);
    }

    /** The page's language by name, in that language ("English", "日本語"). */
    private String languageName() {
        return lang.locale().getDisplayLanguage(lang.locale());
    }

    /** The first occurrence of a yearly deadline, or of the same date in a later year, that is not before now. */
    private OffsetDateTime nextOccurrence(OffsetDateTime deadline) {
        OffsetDateTime next = deadline;
        while (next.toInstant().isBefore(now)) {
            next = next.plusYears(1);
        }
        return next;
    }

    private static Set<String> codes(JsonNode values) {
        Set<String> codes = new LinkedHashSet<>();
        values.forEach(v -> codes.add(v.asText()));
        return codes;
    }

    private static BigDecimal amount(JsonNode money) {
        if (!money.hasNonNull("amount") || !money.hasNonNull("currency")) {
            return null;
        }
        try {
            return new BigDecimal(money.path("amount").asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static OffsetDateTime time(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
