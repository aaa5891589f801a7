package org.citycoop.matching.plans;

import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.scoring.criteria.StatusCriterion;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.StepActor;
import org.citycoop.matching.vocabulary.WindowKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a scheme's application process into a checklist with target dates.
 *
 * <p>Rules:
 * <ul>
 *   <li>The deadline is the window's: {@code FIXED} as published, {@code ANNUAL} its next occurrence (not before
 *   now); {@code ROLLING} or no deadline: none.</li>
 *   <li>The applicant's steps are those up to and including the last step whose actor is the city, the national
 *   government or a partner city (as the {@code deadline} criterion counts them). With a deadline, they are
 *   counted back from it: the last one is due on the deadline's date, each earlier one {@code typicalDays} of
 *   the following step before it; the first must start {@code typicalDays} before its own target
 *   ({@code startBy}). The agency's steps after them are expected {@code typicalDays} after the previous
 *   target. Without a deadline every step is counted forward from today. A step without {@code typicalDays}
 *   counts 0 days.</li>
 *   <li>Warnings: the agency withdrew the scheme or replaced it by another ({@code supersededBy}); the deadline
 *   has passed; the applicant's steps not done yet typically take more days than are left (the deadline is no
 *   longer reachable); a step not done is past its target date. {@code reachable} is false in the first three
 *   cases.</li>
 * </ul>
 */
public final class ApplicationPlans {

    private ApplicationPlans() {
    }

    /**
     * A step of the checklist.
     *
     * @param number 1-based position in the process
     * @param title what happens
     * @param actor who acts (null when the catalogue names an actor this service does not know)
     * @param typicalDays how long it usually takes
     * @param targetDate when it should be finished (the deadline's local date for the applicant's last step)
     * @param beforeDeadline true for the applicant's steps, which must be finished by the deadline
     * @param done whether it has been marked done
     * @param doneAt when it was marked done
     */
    public record Step(int number, String title, StepActor actor, Integer typicalDays, LocalDate targetDate,
                       boolean beforeDeadline, boolean done, OffsetDateTime doneAt) {
    }

    /**
     * A computed plan.
     *
     * @param deadline the deadline counted back from (null for rolling schemes)
     * @param startBy when the first step must start to finish in time (null without a deadline)
     * @param reachable false when the scheme is withdrawn or replaced, the deadline has passed or the remaining
     *     applicant steps cannot fit before it
     * @param warnings what needs attention, in words
     * @param steps the checklist
     */
    public record Plan(OffsetDateTime deadline, LocalDate startBy, boolean reachable, List<String> warnings, List<Step> steps) {
    }

    /**
     * @param done the steps marked done, by 1-based number, with when
     * @param now the time the plan is read
     */
    public static Plan plan(SchemeData scheme, Map<Integer, OffsetDateTime> done, Instant now) {
        List<SchemeData.ProcessStep> steps = scheme.processSteps();
        OffsetDateTime deadline = deadline(scheme, now);
        int lastApplicantStep = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).actor() != null && steps.get(i).actor().isApplicantSide()) {
                lastApplicantStep = i;
            }
        }
        LocalDate today = LocalDate.ofInstant(now, deadline == null ? java.time.ZoneOffset.UTC : deadline.getOffset());
        LocalDate[] targets = new LocalDate[steps.size()];
        LocalDate startBy = null;
        if (deadline != null && lastApplicantStep >= 0) {
            targets[lastApplicantStep] = deadline.toLocalDate();
            for (int i = lastApplicantStep - 1; i >= 0; i--) {
                targets[i] = targets[i + 1].minusDays(days(steps.get(i + 1)));
            }
            startBy = targets[0].minusDays(days(steps.get(0)));
            for (int i = lastApplicantStep + 1; i < steps.size(); i++) {
                targets[i] = targets[i - 1].plusDays(days(steps.get(i)));
            }
        } else {
            LocalDate previous = deadline != null ? deadline.toLocalDate() : today;
            for (int i = 0; i < steps.size(); i++) {
                previous = previous.plusDays(days(steps.get(i)));
                targets[i] = previous;
            }
        }
        List<Step> checklist = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean reachable = true;
        long remaining = 0;
        for (int i = 0; i < steps.size(); i++) {
            SchemeData.ProcessStep step = steps.get(i);
            OffsetDateTime doneAt = done.get(i + 1);
            boolean beforeDeadline = i <= lastApplicantStep;
            checklist.add(new Step(i + 1, step.title(), step.actor(), step.typicalDays(), targets[i], beforeDeadline, doneAt != null, doneAt));
            if (doneAt == null && beforeDeadline) {
                remaining += days(step);
            }
        }
        SchemeStatus status = StatusCriterion.effectiveStatus(scheme, now);
        if (status == SchemeStatus.WITHDRAWN || scheme.supersededBy() != null) {
            reachable = false;
            warnings.add("the scheme no longer takes applications: " + StatusCriterion.assess(scheme, now).detail());
        }
        if (deadline != null) {
            if (now.isAfter(deadline.toInstant())) {
                reachable = false;
                warnings.add("the deadline " + deadline + " has passed");
            } else {
                long left = ChronoUnit.DAYS.between(today, deadline.toLocalDate());
                if (remaining > left) {
                    reachable = false;
                    warnings.add("the deadline " + deadline + " is no longer reachable: the steps not done yet typically take "
                            + remaining + " days and " + left + " days are left");
                }
            }
            for (Step step : checklist) {
                if (!step.done() && step.beforeDeadline() && step.targetDate().isBefore(today)) {
                    warnings.add("step " + step.number() + " '" + step.title() + "' was due on " + step.targetDate());
                }
            }
        }
        return new Plan(deadline, startBy, reachable, warnings, checklist);
    }

    /** The deadline the plan counts back from; null when there is none. */
    static OffsetDateTime deadline(SchemeData scheme, Instant now) {
        SchemeData.ApplicationWindow window = scheme.window();
        if (window == null || window.deadline() == null || window.kind() == WindowKind.ROLLING) {
            return null;
        }
        return window.kind() == WindowKind.ANNUAL ? PreparedScheme.nextOccurrence(window.deadline(), now) : window.deadline();
    }

    private static long days(SchemeData.ProcessStep step) {
        return Objects.requireNonNullElse(step.typicalDays(), 0);
    }
}
