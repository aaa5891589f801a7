package org.citycoop.catalog.scheme;

import org.citycoop.catalog.vocabulary.SupportType;
import org.citycoop.catalog.vocabulary.ChallengeArea;
import org.citycoop.catalog.vocabulary.WindowKind;
import org.citycoop.catalog.vocabulary.ApplicantType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A stored support scheme. What the list filters on has columns of its own (text arrays with GIN
 * indexes, the window, supersession, a lower-case search text); everything else is {@link SchemeDetails}
 * in a JSONB column. The window's times are kept as instants plus the offset the agency gave.
 */
@Entity
@Table(name = "scheme")
public class Scheme {

    @Id
    UUID id;

    @Column(name = "agency_id")
    String agencyId;

    String ref;

    long version;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "support_types")
    List<String> supportTypes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "challenge_areas")
    List<String> challengeAreas;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "applicant_types")
    List<String> applicantTypes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    List<String> sectors;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "eligible_countries")
    List<String> eligibleCountries;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "eligible_regions")
    List<String> eligibleRegions;

    @Enumerated(EnumType.STRING)
    @Column(name = "window_kind")
    WindowKind windowKind;

    @Column(name = "window_opens")
    Instant windowOpens;

    @Column(name = "window_opens_offset")
    Integer windowOpensOffset;

    @Column(name = "window_deadline")
    Instant windowDeadline;

    @Column(name = "window_deadline_offset")
    Integer windowDeadlineOffset;

    @Column(name = "superseded_by")
    String supersededBy;

    /** Set when the agency withdraws the scheme; the status is then WITHDRAWN. */
    boolean withdrawn;

    @Column(name = "search_text")
    String searchText;

    @JdbcTypeCode(SqlTypes.JSON)
    SchemeDetails details;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    /** A new scheme at version 1. */
    static Scheme create(String agencyId, String ref, SchemeContent content, Instant now) {
        Scheme scheme = new Scheme();
        scheme.id = UUID.randomUUID();
        scheme.agencyId = agencyId;
        scheme.ref = ref;
        scheme.version = 1;
        scheme.createdAt = now;
        scheme.updatedAt = now;
        scheme.store(content);
        return scheme;
    }

    /**
     * Replaces the content with a changed one: next version. A withdrawn scheme that an agency pushes again
     * is offered again (no longer withdrawn).
     */
    void update(SchemeContent content, Instant now) {
        version++;
        updatedAt = now;
        withdrawn = false;
        store(content);
    }

    /** Marks the scheme withdrawn, keeping its content for history: next version. */
    void withdraw(Instant now) {
        version++;
        updatedAt = now;
        withdrawn = true;
    }

    boolean isWithdrawn() {
        return withdrawn;
    }

    private void store(SchemeContent c) {
        supportTypes = names(c.supportTypes());
        challengeAreas = names(c.challengeAreas());
        applicantTypes = names(c.applicantTypes());
        sectors = c.sectors();
        eligibleCountries = c.eligibleCountries();
        eligibleRegions = c.eligibleRegions();
        ApplicationWindow window = c.window();
        windowKind = window == null ? null : window.kind();
        windowOpens = window == null || window.opens() == null ? null : window.opens().toInstant();
        windowOpensOffset = window == null || window.opens() == null ? null : window.opens().getOffset().getTotalSeconds();
        windowDeadline = window == null || window.deadline() == null ? null : window.deadline().toInstant();
        windowDeadlineOffset = window == null || window.deadline() == null ? null : window.deadline().getOffset().getTotalSeconds();
        supersededBy = c.supersededBy();
        searchText = Stream.concat(c.names().values().stream(), c.descriptions().values().stream())
                .map(text -> text.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        details = new SchemeDetails(c.name(), c.names(), c.description(), c.descriptions(), c.financeType(), c.aidType(),
                c.channel(), c.partnerCityRequired(), c.fundingRange(), c.coFinancingShare(), c.processSteps(),
                c.sourceUrl(), c.verifiedOn());
    }

    /** The normalised content as stored, to compare with a request's. */
    SchemeContent content() {
        SchemeDetails d = details;
        return new SchemeContent(d.name(), d.names(), d.description(), d.descriptions(),
                enums(supportTypes, SupportType.class), enums(challengeAreas, ChallengeArea.class), List.copyOf(sectors),
                d.financeType(), d.aidType(), enums(applicantTypes, ApplicantType.class), d.channel(),
                d.partnerCityRequired(), List.copyOf(eligibleCountries), List.copyOf(eligibleRegions), d.fundingRange(),
                d.coFinancingShare(), d.processSteps(), window(), supersededBy, d.sourceUrl(), d.verifiedOn());
    }

    /** The application window, or null when the agency published none. */
    ApplicationWindow window() {
        if (windowKind == null) {
            return null;
        }
        return new ApplicationWindow(windowKind, at(windowOpens, windowOpensOffset), at(windowDeadline, windowDeadlineOffset));
    }

    private static OffsetDateTime at(Instant instant, Integer offsetSeconds) {
        return instant == null ? null : instant.atOffset(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private static <E extends Enum<E>> List<E> enums(List<String> names, Class<E> type) {
        return names.stream().map(name -> Enum.valueOf(type, name)).toList();
    }
}
