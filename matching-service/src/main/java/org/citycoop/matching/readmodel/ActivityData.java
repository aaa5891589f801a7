package org.citycoop.matching.readmodel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * An agency's IATI activity as the catalogue publishes it in {@code org.citycoop.catalog.activity.*.v1} events: what
 * the {@code trackRecord} criterion counts.
 *
 * @param id the catalogue's id of the activity
 * @param agencyId the agency whose IATI file it came from
 * @param iatiIdentifier as published
 * @param dates planned and actual start and end (ISO 8601 dates)
 * @param recipientCountries ISO 3166-1 alpha-2 codes with percentages
 * @param sectors codes with their vocabulary (1, or none: DAC 5-digit purpose codes)
 * @param lastUpdated the file's last-updated-datetime for the activity, as published
 * @param version the catalogue's version of the activity
 */
public record ActivityData(String id, String agencyId, String iatiIdentifier, Dates dates, List<Coded> recipientCountries,
                           List<Coded> sectors, String lastUpdated, Long version) {

    public ActivityData {
        recipientCountries = recipientCountries == null ? List.of() : recipientCountries.stream().filter(c -> c != null && c.code() != null).toList();
        sectors = sectors == null ? List.of() : sectors.stream().filter(c -> c != null && c.code() != null).toList();
    }

    /** A code with its vocabulary (null: the standard's default). */
    public record Coded(String code, String vocabulary) {
    }

    /** Planned and actual dates, each null when not published. */
    public record Dates(String plannedStart, String actualStart, String plannedEnd, String actualEnd) {
    }

    /** Whether a recipient country of the activity is {@code country}. */
    public boolean inCountry(String country) {
        return recipientCountries.stream().anyMatch(c -> c.code().equals(country));
    }

    /** Its DAC 5-digit sectors (vocabulary 1). */
    public List<String> dacSectors() {
        return sectors.stream().filter(s -> s.vocabulary() == null || "1".equals(s.vocabulary())).map(Coded::code).toList();
    }

    /** The year it started (actual start, else planned), when published. */
    public Optional<Integer> startYear() {
        String start = dates == null ? null : dates.actualStart() != null ? dates.actualStart() : dates.plannedStart();
        try {
            return start == null ? Optional.empty() : Optional.of(LocalDate.parse(start).getYear());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The day (UTC) of its last-updated-datetime, when published (a time without offset is read as UTC). */
    public Optional<LocalDate> lastUpdatedDay() {
        if (lastUpdated == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(lastUpdated).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(lastUpdated).toLocalDate());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
