package org.citycoop.finder.scheme;

import com.fasterxml.jackson.databind.JsonNode;
import org.citycoop.finder.i18n.Msg;
import org.citycoop.finder.web.Formats;
import org.citycoop.finder.web.Lang;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns the API's schemes into what a page shows, in the page's language. */
public final class SchemeViews {

    /** A search result or match: what a city needs at a glance. */
    public record Card(String id, String name, boolean nameInEnglish, String agency, String status, String statusLabel,
            Deadline deadline, String applicants, String channel, String funding, List<String> challenges, List<String> supportTypes) {
    }

    /**
     * A scheme's deadline: {@code agencyTime} as the agency gave it (its offset), {@code iso} for the visitor's own zone (the
     * page's script writes it next to the agency's), or only a note (rolling, none).
     */
    public record Deadline(String agencyTime, String iso, String note) {
        public boolean fixed() {
            return iso != null;
        }
    }

    /** A step of the application process. */
    public record Step(int number, String title, String actor, String days, String startBy) {
    }

    /** One version in the scheme's history, in words. */
    public record Version(String heading, List<String> changes) {
    }

    /** The scheme page. */
    public record Detail(Card card, String description, boolean descriptionInEnglish, List<Step> steps, boolean counted,
            String countries, String regions, String coFinancing, String sourceUrl, String verifiedOn, List<Version> history) {
    }

    private final Lang lang;
    private final Msg msg;
    private final Formats formats;
    private final Map<String, String> agencyNames;

    public SchemeViews(Lang lang, Msg msg, Map<String, String> agencyNames) {
        this.lang = lang;
        this.msg = msg;
        this.formats = new Formats(lang.locale());
        this.agencyNames = agencyNames;
    }

    public Card card(JsonNode s) {
        String agencyId = s.path("agencyId").asText();
        String agency = s.hasNonNull("agencyName") ? s.path("agencyName").asText() : agencyNames.getOrDefault(agencyId, agencyId);
        String status = s.path("status").asText();
        return new Card(s.path("id").asText(), s.path("name").asText(), nameInEnglish(s), agency, status,
                msg.status(status), deadline(s.path("window"), status), applicants(s), channel(s), funding(s.path("fundingRange")),
                codes(s.path("challengeAreas"), msg::challenge), codes(s.path("supportTypes"), msg::supportType));
    }

    public Detail detail(JsonNode s, JsonNode history) {
        Card card = card(s);
        List<Integer> days = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        s.path("processSteps").forEach(step -> {
            days.add(step.hasNonNull("typicalDays") ? step.path("typicalDays").asInt() : null);
            actors.add(step.path("actor").asText());
        });
        List<LocalDate> starts = StepPlan.startDates(days, actors, deadlineDate(s.path("window")));
        List<Step> steps = new ArrayList<>();
        int i = 0;
        for (JsonNode step : s.path("processSteps")) {
            Integer d = days.get(i);
            LocalDate start = starts.get(i);
            steps.add(new Step(i + 1, step.path("title").asText(), msg.actor(step.path("actor").asText()),
                    d == null ? "" : msg.step_days(formats.number(d)), start == null ? "" : msg.step_start_by(formats.date(start))));
            i++;
        }
        boolean counted = starts.stream().anyMatch(java.util.Objects::nonNull);
        String countries = s.path("eligibleCountries").isEmpty() && s.path("eligibleRegions").isEmpty() ? msg.all_countries()
                : join(s.path("eligibleCountries"), formats::country);
        String regions = join(s.path("eligibleRegions"), r -> r);
        String coFinancing = s.hasNonNull("coFinancingShare") ? msg.co_financing(formats.percent(new BigDecimal(s.path("coFinancingShare").asText()))) : "";
        String verified = s.hasNonNull("verifiedOn") ? msg.verified_on(formats.date(LocalDate.parse(s.path("verifiedOn").asText()))) : "";
        String description = s.path("description").asText("");
        boolean descriptionInEnglish = lang != Lang.EN && !s.path("descriptions").has(lang.code()) && !description.isEmpty();
        return new Detail(card, description, descriptionInEnglish, steps, counted, countries, regions, coFinancing,
                s.path("sourceUrl").asText(""), verified, history(history));
    }

    private List<Version> history(JsonNode history) {
        List<Version> versions = new ArrayList<>();
        for (JsonNode change : history.path("items")) {
            String version = change.path("version").asText();
            String date = change.hasNonNull("changedAt") ? formats.date(OffsetDateTime.parse(change.path("changedAt").asText()).toLocalDate()) : "";
            if (change.path("differences").isEmpty()) {
                String heading = "WITHDRAWN".equals(change.path("change").asText()) ? msg.history_withdrawn(version) : msg.history_created(version, date);
                versions.add(new Version(heading, List.of()));
                continue;
            }
            List<String> lines = new ArrayList<>();
            change.path("differences").forEach(d -> lines.add(msg.history_change(fieldLabel(d.path("field").asText()),
                    d.hasNonNull("before") ? d.path("before").asText() : msg.none(), d.hasNonNull("after") ? d.path("after").asText() : msg.none())));
            versions.add(new Version(msg.history_version(version, date), lines));
        }
        return versions;
    }

    /** A changed field in words: "Deadline" for {@code window.deadline}, the path itself where no label fits. */
    private String fieldLabel(String path) {
        String top = path.split("[.\\[]", 2)[0];
        String label = switch (top) {
            case "window" -> msg.deadline();
            case "fundingRange" -> msg.funding();
            case "description", "descriptions" -> msg.description();
            case "supportTypes" -> msg.f_supportType();
            case "challengeAreas" -> msg.f_challenge();
            case "applicantTypes" -> msg.f_applicantType();
            case "channel" -> msg.channel_label();
            case "eligibleCountries" -> msg.countries();
            case "eligibleRegions" -> msg.regions();
            case "processSteps" -> msg.steps();
            case "sourceUrl" -> msg.source();
            default -> null;
        };
        return label == null ? path : label + " (" + path + ")";
    }

    /**
     * Whether the name shown is English on a page in another language: the catalogue's scheme lists its names by language,
     * a match says the language of the one name it gives ({@code nameLanguage}).
     */
    private boolean nameInEnglish(JsonNode s) {
        if (s.hasNonNull("nameLanguage")) {
            return lang != Lang.EN && !s.path("nameLanguage").asText().equals(lang.code());
        }
        return inEnglish(s.path("names"));
    }

    private boolean inEnglish(JsonNode names) {
        return lang != Lang.EN && names.isObject() && !names.has(lang.code());
    }

    /** The deadline as a card shows it; a rolling window of a scheme that is closed or withdrawn takes nothing any more. */
    private Deadline deadline(JsonNode window, String status) {
        String kind = window.path("kind").asText();
        if (kind.equals("ROLLING")) {
            boolean ended = status.equals("CLOSED") || status.equals("WITHDRAWN");
            return new Deadline("", null, ended ? msg.rolling_ended() : msg.rolling());
        }
        if (!window.hasNonNull("deadline")) {
            return new Deadline("", null, msg.no_deadline());
        }
        try {
            OffsetDateTime deadline = OffsetDateTime.parse(window.path("deadline").asText());
            return new Deadline(formats.dateTimeWithOffset(deadline), deadline.toString(), kind.equals("ANNUAL") ? msg.annual() : "");
        } catch (DateTimeParseException e) {
            return new Deadline("", null, msg.no_deadline());
        }
    }

    private static LocalDate deadlineDate(JsonNode window) {
        if (!window.hasNonNull("deadline")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(window.path("deadline").asText()).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String applicants(JsonNode s) {
        return join(s.path("applicantTypes"), msg::applicantType);
    }

    private String channel(JsonNode s) {
        StringBuilder channel = new StringBuilder(s.hasNonNull("channel") ? msg.channel(s.path("channel").asText()) : "");
        JsonNode partner = s.path("partnerCityRequired");
        if (partner.hasNonNull("country")) {
            if (!channel.isEmpty()) {
                channel.append(lang == Lang.JA ? "、" : "; ");
            }
            channel.append(msg.partner_city(formats.country(partner.path("country").asText())));
        }
        return channel.toString();
    }

    private String funding(JsonNode range) {
        JsonNode min = range.path("min");
        JsonNode max = range.path("max");
        String from = min.hasNonNull("amount") ? formats.money(new BigDecimal(min.path("amount").asText()), min.path("currency").asText()) : null;
        String to = max.hasNonNull("amount") ? formats.money(new BigDecimal(max.path("amount").asText()), max.path("currency").asText()) : null;
        if (from != null && to != null) {
            return from + " – " + to;
        }
        if (to != null) {
            return msg.funding_up_to(to);
        }
        if (from != null) {
            return msg.funding_from(from);
        }
        return msg.not_stated();
    }

    private static List<String> codes(JsonNode values, java.util.function.Function<String, String> label) {
        List<String> labels = new ArrayList<>();
        values.forEach(v -> labels.add(label.apply(v.asText())));
        return labels;
    }

    private String join(JsonNode values, java.util.function.Function<String, String> label) {
        List<String> labels = codes(values, label);
        return labels.stream().collect(Collectors.joining(lang == Lang.JA ? "、" : ", "));
    }
}
