package org.citycoop.twinning.arrangement;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.citycoop.twinning.vocabulary.ChallengeArea;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A twinning arrangement (table {@code twinning_arrangement} and its city, theme and sector tables). */
@Entity
@Table(name = "twinning_arrangement")
public class TwinningArrangement {

    @Id
    private UUID id;
    private String title;
    @Enumerated(EnumType.STRING)
    private TwinningKind kind;
    @Enumerated(EnumType.STRING)
    private TwinningStatus status;
    private String periodStart;
    private String periodEnd;
    private String summary;
    private String sourceUrl;
    private int version;
    private Instant createdAt;
    private Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "twinning_city", joinColumns = @JoinColumn(name = "arrangement_id"))
    @OrderColumn(name = "position")
    private List<Participant> cities = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "twinning_theme", joinColumns = @JoinColumn(name = "arrangement_id"))
    @OrderColumn(name = "position")
    @Column(name = "theme")
    @Enumerated(EnumType.STRING)
    private List<ChallengeArea> themes = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "twinning_sector", joinColumns = @JoinColumn(name = "arrangement_id"))
    @OrderColumn(name = "position")
    @Column(name = "sector")
    private List<String> sectors = new ArrayList<>();

    protected TwinningArrangement() {
    }

    /** A new arrangement in status PROPOSED, version 1, from a request that passed {@link TwinningRules}. */
    public static TwinningArrangement propose(UUID id, NewTwinning request, Instant now) {
        TwinningArrangement arrangement = new TwinningArrangement();
        arrangement.id = id;
        arrangement.title = request.title().strip();
        arrangement.kind = request.kind();
        arrangement.status = TwinningStatus.PROPOSED;
        if (request.period() != null) {
            arrangement.periodStart = request.period().start();
            arrangement.periodEnd = request.period().end();
        }
        arrangement.summary = request.summary();
        arrangement.sourceUrl = request.sourceUrl();
        arrangement.version = 1;
        arrangement.createdAt = now;
        arrangement.updatedAt = now;
        request.cities().forEach(city -> arrangement.cities.add(new Participant(city.cityId(), city.role())));
        arrangement.themes.addAll(request.themesOrEmpty());
        arrangement.sectors.addAll(request.sectorsOrEmpty());
        return arrangement;
    }

    /**
     * Moves to another status and bumps the version.
     *
     * @throws IllegalStateException when the lifecycle does not allow it (callers check first)
     */
    public void moveTo(TwinningStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalStateException("Transition " + status + " -> " + target + " is not allowed");
        }
        status = target;
        version++;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public TwinningKind kind() {
        return kind;
    }

    public TwinningStatus status() {
        return status;
    }

    /** The period, or null when none was given. */
    public Period period() {
        return periodStart == null ? null : new Period(periodStart, periodEnd);
    }

    public String summary() {
        return summary;
    }

    public String sourceUrl() {
        return sourceUrl;
    }

    public int version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<Participant> cities() {
        return List.copyOf(cities);
    }

    public List<ChallengeArea> themes() {
        return List.copyOf(themes);
    }

    public List<String> sectors() {
        return List.copyOf(sectors);
    }
}
