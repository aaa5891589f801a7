package org.citycoop.matching.alerts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a new evaluation of a scheme for a saved need raises an alert: {@code NEW_MATCH} when it
 * matches and did not, {@code NO_LONGER_MATCHING} when it did and no longer does, {@code CHANGED} when it still
 * matches and its status, deadline (compared as instants) or either end of its funding range differs. A change
 * of score alone raises nothing (it moves with every soft detail).
 */
public final class AlertRules {

    private AlertRules() {
    }

    /** An alert to raise: why, and the per-field difference. */
    public record Change(AlertReason reason, List<FieldChange> changes) {
    }

    /**
     * @param before the last state (null: it did not match)
     * @param after the new state (null: it does not match)
     */
    public static Optional<Change> compare(MatchState before, MatchState after) {
        if (before == null && after == null) {
            return Optional.empty();
        }
        if (before == null) {
            List<FieldChange> changes = new ArrayList<>();
            changes.add(new FieldChange("eligible", false, true));
            fieldChanges(null, after, changes);
            return Optional.of(new Change(AlertReason.NEW_MATCH, changes));
        }
        if (after == null) {
            List<FieldChange> changes = new ArrayList<>();
            changes.add(new FieldChange("eligible", true, false));
            return Optional.of(new Change(AlertReason.NO_LONGER_MATCHING, changes));
        }
        List<FieldChange> changes = new ArrayList<>();
        fieldChanges(before, after, changes);
        return changes.isEmpty() ? Optional.empty() : Optional.of(new Change(AlertReason.CHANGED, changes));
    }

    private static void fieldChanges(MatchState before, MatchState after, List<FieldChange> changes) {
        if (before == null || before.status() != after.status()) {
            changes.add(new FieldChange("status", before == null ? null : before.status(), after.status()));
        }
        if (before == null ? after.deadline() != null : !sameInstant(before.deadline(), after.deadline())) {
            changes.add(new FieldChange("window.deadline", before == null ? null : before.deadline(), after.deadline()));
        }
        if (before == null ? after.fundingMin() != null : !sameAmount(before.fundingMin(), after.fundingMin())) {
            changes.add(new FieldChange("fundingRange.min", before == null ? null : before.fundingMin(), after.fundingMin()));
        }
        if (before == null ? after.fundingMax() != null : !sameAmount(before.fundingMax(), after.fundingMax())) {
            changes.add(new FieldChange("fundingRange.max", before == null ? null : before.fundingMax(), after.fundingMax()));
        }
    }

    private static boolean sameInstant(String a, String b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
    }

    private static boolean sameAmount(org.citycoop.matching.vocabulary.Money a, org.citycoop.matching.vocabulary.Money b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (!Objects.equals(a.currency(), b.currency())) {
            return false;
        }
        return a.value().isPresent() && b.value().isPresent()
                ? a.value().get().compareTo(b.value().get()) == 0
                : Objects.equals(a.amount(), b.amount());
    }
}
