package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.ArrangementData;
import org.citycoop.matching.readmodel.SchemeData.ApplicationWindow;
import org.citycoop.matching.readmodel.SchemeData.ProcessStep;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ArrangementStatus;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.WindowKind;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The hard criteria: a scheme that fails one of them is not open to the city. Each method gives one
 * {@link Assessment}; none of them fails for lack of data: what the scheme does not say is
 * {@code PARTLY_MET}, with the reason.
 *
 * <p>{@code ReadModelIndex.candidates} pre-filters on the conditions that make {@link #relevance},
 * {@link #applicantType}, {@link #country} and {@link #status} fail; keep the two in step. {@link MatchScorer#eligible} and {@link MatchScorer#weightedScore}
 * decides the same FAILED results without building the text; keep it in step too.
 */
public final class HardCriteria {

    private HardCriteria() {
    }

    /** MET when at least one of the city's challenge areas is among the scheme's; FAILED otherwise. */
    public static Assessment relevance(NeedsProfile profile, SchemeData scheme) {
        List<ChallengeArea> covered = profile.challenges().stream().map(NeedsProfile.Challenge::area)
                .filter(scheme.challengeAreas()::contains).toList();
        if (covered.isEmpty()) {
            return Assessment.failed(Criterion.RELEVANCE, "addresses none of the city's challenges (it addresses "
                    + join(scheme.challengeAreas()) + ")");
        }
        return Assessment.met(Criterion.RELEVANCE, "addresses " + join(covered));
    }

    /**
     * MET when the profile's applicant type, or {@code ANY}, is among the scheme's applicant types; PARTLY_MET
     * when the scheme lists none (the agency does not publish who may apply); FAILED otherwise. The detail names
     * the application channel.
     */
    public static Assessment applicantType(NeedsProfile profile, SchemeData scheme) {
        String how = channel(scheme.channel());
        if (scheme.applicantTypes().contains(profile.applicantType())) {
            return Assessment.met(Criterion.APPLICANT_TYPE, "open to " + profile.applicantType() + "; " + how);
        }
        if (scheme.applicantTypes().contains(ApplicantType.ANY)) {
            return Assessment.met(Criterion.APPLICANT_TYPE, "open to any applicant; " + how);
        }
        if (scheme.applicantTypes().isEmpty()) {
            return Assessment.partlyMet(Criterion.APPLICANT_TYPE, "who may apply is not published; ask the agency; " + how);
        }
        return Assessment.failed(Criterion.APPLICANT_TYPE, "open to " + join(scheme.applicantTypes())
                + " only, not " + profile.applicantType() + "; " + how);
    }

    /** The application channel in words, for the catalogue's channel codes. */
    static String channel(String channel) {
        if (channel == null) {
            return "application channel not stated";
        }
        return switch (channel) {
            case "DIRECT" -> "apply directly to the agency";
            case "THROUGH_NATIONAL_GOVERNMENT" -> "apply through your national government";
            case "THROUGH_AGENCY_STAFF" -> "the agency's staff prepare and submit the proposal with you";
            case "THROUGH_IMPLEMENTING_AGENCY" -> "an accredited implementing agency applies on your behalf";
            case "THROUGH_PARTNER_LOCAL_GOVERNMENT" -> "a local government of the donor country applies, with you as its counterpart";
            default -> "application channel " + channel;
        };
    }

    /**
     * MET when the scheme lists no country and no region (open to all) or lists the profile's country;
     * PARTLY_MET when it lists regions only (region membership is not checked); FAILED when it lists countries
     * and the profile's is not among them (the country list is decisive even when regions are given too).
     */
    public static Assessment country(NeedsProfile profile, SchemeData scheme) {
        if (scheme.eligibleCountries().isEmpty()) {
            if (scheme.eligibleRegions().isEmpty()) {
                return Assessment.met(Criterion.COUNTRY, "open to all countries");
            }
            return Assessment.partlyMet(Criterion.COUNTRY, "open to regions " + join(scheme.eligibleRegions())
                    + "; region membership not checked");
        }
        if (scheme.eligibleCountries().contains(profile.country())) {
            return Assessment.met(Criterion.COUNTRY, profile.country() + " is among the eligible countries");
        }
        return Assessment.failed(Criterion.COUNTRY, profile.country() + " is not among the eligible countries "
                + join(scheme.eligibleCountries()));
    }

    /**
     * The scheme's status at {@code now}, derived as the catalogue derives it (its status is never stored, so
     * the one in an event is only right when published): {@code WITHDRAWN} when withdrawn; {@code CLOSED} when
     * another scheme supersedes it; no window or {@code ROLLING}: {@code OPEN}; {@code FIXED}: {@code FORECASTED}
     * before {@code opens}, {@code OPEN} until the deadline (inclusive), {@code CLOSED} after it; {@code ANNUAL}:
     * {@code OPEN} inside an occurrence of the window (the given one or the same dates in a later year),
     * {@code FORECASTED} otherwise. When the window's kind or dates are unknown, the status as published (null
     * when unknown too).
     */
    public static SchemeStatus effectiveStatus(SchemeData scheme, Instant now) {
        if (scheme.status() == SchemeStatus.WITHDRAWN) {
            return SchemeStatus.WITHDRAWN;
        }
        if (scheme.supersededBy() != null) {
            return SchemeStatus.CLOSED;
        }
        ApplicationWindow window = scheme.window();
        if (window == null) {
            return SchemeStatus.OPEN;
        }
        if (window.kind() == WindowKind.ROLLING) {
            return SchemeStatus.OPEN;
        }
        if (window.kind() == WindowKind.FIXED) {
            if (window.opens() != null && now.isBefore(window.opens().toInstant())) {
                return SchemeStatus.FORECASTED;
            }
            return window.deadline() != null && now.isAfter(window.deadline().toInstant()) ? SchemeStatus.CLOSED : SchemeStatus.OPEN;
        }
        if (window.kind() == WindowKind.ANNUAL && window.opens() != null && window.deadline() != null) {
            return now.isBefore(nextAnnualOpening(window, now).toInstant()) ? SchemeStatus.FORECASTED : SchemeStatus.OPEN;
        }
        return scheme.status();
    }

    /**
     * From {@link #effectiveStatus}: OPEN is MET; FORECASTED is PARTLY_MET (not open yet); CLOSED and WITHDRAWN
     * are FAILED, with the reason; an unknown status is PARTLY_MET.
     */
    public static Assessment status(SchemeData scheme, Instant now) {
        SchemeStatus status = effectiveStatus(scheme, now);
        if (status == null) {
            return Assessment.partlyMet(Criterion.STATUS, "status not known");
        }
        ApplicationWindow window = scheme.window();
        return switch (status) {
            case OPEN -> Assessment.met(Criterion.STATUS, "open");
            case FORECASTED -> Assessment.partlyMet(Criterion.STATUS, window != null && window.opens() != null
                    ? "forecasted: opens " + format(window.kind() == WindowKind.ANNUAL && window.deadline() != null
                            ? nextAnnualOpening(window, now) : window.opens())
                    : "forecasted: not open yet");
            case WITHDRAWN -> Assessment.failed(Criterion.STATUS, "withdrawn by the agency");
            case CLOSED -> Assessment.failed(Criterion.STATUS, scheme.supersededBy() != null
                    ? "closed: no longer offered (" + scheme.supersededBy() + ")"
                    : window != null && window.kind() == WindowKind.FIXED
                    ? "closed: the deadline " + format(window.deadline()) + " has passed"
                    : "closed, as the catalogue published it");
        };
    }

    /** When the yearly window whose deadline comes next (at or after {@code now}) opens. */
    private static OffsetDateTime nextAnnualOpening(ApplicationWindow window, Instant now) {
        OffsetDateTime deadline = nextOccurrence(window.deadline(), now);
        return window.opens().plusYears(deadline.getYear() - window.deadline().getYear());
    }

    /** The first occurrence of {@code time}, or of the same date and time in a later year, that is not before {@code now}. */
    public static OffsetDateTime nextOccurrence(OffsetDateTime time, Instant now) {
        OffsetDateTime next = time;
        while (next.toInstant().isBefore(now)) {
            next = next.plusYears(1);
        }
        return next;
    }

    /**
     * Whether the city can still apply in time. The applicant's lead time is the sum of {@code typicalDays} of
     * the process steps up to and including the last step whose actor is {@code CITY},
     * {@code NATIONAL_GOVERNMENT} or {@code PARTNER_CITY} (0 when there is none); the deadline is reachable when
     * the whole days left until it are at least that. {@code ROLLING} is MET. {@code FIXED}: FAILED when the
     * deadline has passed or is not reachable. {@code ANNUAL}: the next occurrence of the deadline (the given one
     * or the same date and time in a later year, not before now) is used; when it is not reachable but the one a
     * year later is, PARTLY_MET naming both. No published window, kind or deadline: PARTLY_MET.
     */
    public static Assessment deadline(SchemeData scheme, Instant now) {
        ApplicationWindow window = scheme.window();
        if (window == null || window.kind() == null) {
            return Assessment.partlyMet(Criterion.DEADLINE, "application window not published");
        }
        if (window.kind() == WindowKind.ROLLING) {
            return Assessment.met(Criterion.DEADLINE, "rolling: applications are taken at any time");
        }
        if (window.deadline() == null) {
            return Assessment.partlyMet(Criterion.DEADLINE, "no deadline given");
        }
        LeadTime lead = LeadTime.of(scheme.processSteps());
        if (window.kind() == WindowKind.FIXED) {
            if (now.isAfter(window.deadline().toInstant())) {
                return Assessment.failed(Criterion.DEADLINE, "the deadline " + format(window.deadline()) + " has passed");
            }
            return reachable(window.deadline(), lead, now)
                    ? Assessment.met(Criterion.DEADLINE, describe("the deadline", window.deadline(), lead, now))
                    : Assessment.failed(Criterion.DEADLINE, describe("the deadline", window.deadline(), lead, now));
        }
        OffsetDateTime next = nextOccurrence(window.deadline(), now);
        if (reachable(next, lead, now)) {
            return Assessment.met(Criterion.DEADLINE, describe("the next yearly deadline", next, lead, now));
        }
        OffsetDateTime following = next.plusYears(1);
        String detail = describe("the next yearly deadline", next, lead, now);
        return reachable(following, lead, now)
                ? Assessment.partlyMet(Criterion.DEADLINE, detail + "; the one after, " + format(following) + ", is reachable")
                : Assessment.failed(Criterion.DEADLINE, detail);
    }

    private static boolean reachable(OffsetDateTime deadline, LeadTime lead, Instant now) {
        return daysLeft(deadline, now) >= lead.days();
    }

    private static long daysLeft(OffsetDateTime deadline, Instant now) {
        return Duration.between(now, deadline.toInstant()).toDays();
    }

    private static String describe(String which, OffsetDateTime deadline, LeadTime lead, Instant now) {
        String left = which + " " + format(deadline) + " is " + daysLeft(deadline, now) + " days away";
        if (lead.lastStep() == null) {
            return left + "; the process lists no steps for the applicant";
        }
        return left + (reachable(deadline, lead, now) ? " and " : " but ") + "the applicant's steps up to '"
                + lead.lastStep().title() + "' typically take " + lead.days() + " days";
    }

    /**
     * MET when the scheme needs no partner city. When it needs one in country C: MET only if {@code cityId} is
     * given and the read model holds an {@code AGREED} or {@code ACTIVE} arrangement between that city and a
     * city of C (an active one preferred, then the lowest id), naming both; FAILED otherwise, saying why (no
     * cityId, no arrangement with a city of C, or only arrangements in other statuses, which it names).
     *
     * @param arrangements the arrangements the profile's city takes part in, any status
     */
    public static Assessment partnerCity(NeedsProfile profile, SchemeData scheme, List<ArrangementData> arrangements) {
        if (scheme.partnerCityRequired() == null) {
            return Assessment.met(Criterion.PARTNER_CITY, "no partner city required");
        }
        String country = scheme.partnerCityRequired().country();
        String where = country == null ? "a partner city" : "a partner city in " + country;
        if (profile.cityId() == null) {
            return Assessment.failed(Criterion.PARTNER_CITY, "needs " + where + "; no cityId given, so twinning arrangements cannot be checked");
        }
        List<Partnership> partnerships = arrangements.stream()
                .flatMap(arrangement -> arrangement.cities().stream()
                        .filter(city -> city.cityId() != null && !city.cityId().equals(profile.cityId()))
                        .filter(city -> country == null || country.equals(city.country()))
                        .map(city -> new Partnership(arrangement, city)))
                .filter(partnership -> partnership.arrangement().cities().stream()
                        .anyMatch(city -> profile.cityId().equals(city.cityId())))
                .toList();
        Optional<Partnership> inForce = partnerships.stream()
                .filter(partnership -> partnership.status() != null && partnership.status().isInForce())
                .min(Comparator.comparing((Partnership partnership) -> partnership.status() != ArrangementStatus.ACTIVE)
                        .thenComparing(partnership -> partnership.arrangement().id()));
        if (inForce.isPresent()) {
            return Assessment.met(Criterion.PARTNER_CITY, "needs " + where + ": " + inForce.get().describe());
        }
        if (partnerships.isEmpty()) {
            return Assessment.failed(Criterion.PARTNER_CITY, "needs " + where + "; city " + profile.cityId()
                    + " has no twinning arrangement with one");
        }
        return Assessment.failed(Criterion.PARTNER_CITY, "needs " + where + " in an AGREED or ACTIVE arrangement; only "
                + partnerships.stream().map(Partnership::describe).collect(Collectors.joining("; ")));
    }

    private record Partnership(ArrangementData arrangement, ArrangementData.City partner) {

        ArrangementStatus status() {
            return arrangement.status();
        }

        String describe() {
            return "arrangement '" + arrangement.title() + "' (" + arrangement.id() + ", "
                    + (status() == null ? "status unknown" : status()) + ") with " + partner.name() + " ("
                    + partner.cityId() + ", " + partner.country() + ")";
        }
    }

    /** The applicant's days of work before the deadline, and the last step they cover (null when none). */
    record LeadTime(long days, ProcessStep lastStep) {

        static LeadTime of(List<ProcessStep> steps) {
            int last = -1;
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).actor() != null && steps.get(i).actor().isApplicantSide()) {
                    last = i;
                }
            }
            if (last < 0) {
                return new LeadTime(0, null);
            }
            long days = steps.subList(0, last + 1).stream().map(ProcessStep::typicalDays).filter(Objects::nonNull)
                    .mapToLong(Integer::longValue).sum();
            return new LeadTime(days, steps.get(last));
        }
    }

    static String format(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String join(List<?> values) {
        return values.isEmpty() ? "none" : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
