package org.citycoop.twinning.arrangement;

import org.citycoop.twinning.vocabulary.TwinningStatus;
import org.citycoop.twinning.vocabulary.TwinningKind;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * A twinning arrangement (table {@code twinning_arrangement} and its city, theme and sector tables), with
 * what it records about itself: activities, outcome indicators (JSON columns, each keyed by its {@code ref})
 * and an evaluation summary. Every change bumps the version.
 */
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

    @JdbcTypeCode(SqlTypes.JSON)
    private List<Activity> activities = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    private List<OutcomeIndicator> outcomes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    private Evaluation evaluation;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<FundingLink> fundingLinks = new ArrayList<>();

    private String provenanceSource;
    private String provenanceLicence;

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

    /**
     * Records an activity under its ref, replacing the one held under that ref.
     *
     * @return false when the same activity was held already (nothing changed, the version stays)
     */
    public boolean putActivity(Activity activity, Instant now) {
        List<Activity> changed = replaced(activities, activity, Activity::ref);
        if (changed == null) {
            return false;
        }
        activities = changed;
        touch(now);
        return true;
    }

    /** Removes the activity under {@code ref}; false when there is none. */
    public boolean removeActivity(String ref, Instant now) {
        List<Activity> kept = activities.stream().filter(a -> !a.ref().equals(ref)).toList();
        if (kept.size() == activities.size()) {
            return false;
        }
        activities = new ArrayList<>(kept);
        touch(now);
        return true;
    }

    /**
     * Records an outcome indicator under its ref, replacing the one held under that ref.
     *
     * @return false when the same indicator was held already
     */
    public boolean putOutcome(OutcomeIndicator indicator, Instant now) {
        List<OutcomeIndicator> changed = replaced(outcomes, indicator, OutcomeIndicator::ref);
        if (changed == null) {
            return false;
        }
        outcomes = changed;
        touch(now);
        return true;
    }

    /** Removes the indicator under {@code ref}; false when there is none. */
    public boolean removeOutcome(String ref, Instant now) {
        List<OutcomeIndicator> kept = outcomes.stream().filter(o -> !o.ref().equals(ref)).toList();
        if (kept.size() == outcomes.size()) {
            return false;
        }
        outcomes = new ArrayList<>(kept);
        touch(now);
        return true;
    }

    /** Links a funding scheme; false when the scheme is linked already (nothing changes). */
    public boolean linkFunding(FundingLink link, Instant now) {
        if (fundingLinks.stream().anyMatch(l -> l.schemeId().equals(link.schemeId()))) {
            return false;
        }
        List<FundingLink> changed = new ArrayList<>(fundingLinks);
        changed.add(link);
        fundingLinks = changed;
        touch(now);
        return true;
    }

    /** Flags the links to {@code schemeId} that carry no flag or another one; false when none changed. */
    public boolean flagFunding(String schemeId, FundingLink.Flag flag, Instant now) {
        boolean changed = false;
        List<FundingLink> links = new ArrayList<>();
        for (FundingLink link : fundingLinks) {
            if (link.schemeId().equals(schemeId) && link.flag() != flag) {
                links.add(link.flagged(flag, now));
                changed = true;
            } else {
                links.add(link);
            }
        }
        if (changed) {
            fundingLinks = links;
            touch(now);
        }
        return changed;
    }

    /** The funding links in the order they were made. */
    public List<FundingLink> fundingLinks() {
        return List.copyOf(fundingLinks);
    }

    /** Records the evaluation summary; false when the same one was held already. */
    public boolean evaluate(Evaluation newEvaluation, Instant now) {
        if (newEvaluation.equals(evaluation)) {
            return false;
        }
        evaluation = newEvaluation;
        touch(now);
        return true;
    }

    private void touch(Instant now) {
        version++;
        updatedAt = now;
    }

    /** The list with {@code item} in place of the element of the same key (or appended); null when equal already. */
    private static <T> List<T> replaced(List<T> items, T item, Function<T, String> key) {
        List<T> result = new ArrayList<>(items);
        for (int i = 0; i < result.size(); i++) {
            if (key.apply(result.get(i)).equals(key.apply(item))) {
                if (Objects.equals(result.get(i), item)) {
                    return null;
                }
                result.set(i, item);
                return result;
            }
        }
        result.add(item);
        return result;
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

    /** The activities in the order they were first recorded. */
    public List<Activity> activities() {
        return List.copyOf(activities);
    }

    /** The outcome indicators in the order they were first recorded. */
    public List<OutcomeIndicator> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Source and licence of an imported arrangement, or null. */
    public Provenance provenance() {
        return provenanceSource == null ? null : new Provenance(provenanceSource, provenanceLicence);
    }

    /** The evaluation summary, or null when none was recorded. */
    public Evaluation evaluation() {
        return evaluation;
    }
}
