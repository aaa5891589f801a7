package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.vocabulary.Money;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Soft, weight 0.05: whether the city can bring the co-financing the scheme requires. 1 (MET) when the scheme requires
 * none; otherwise the required amount is {@code coFinancingShare} of the budget: MET when the profile's
 * {@code coFinancing} reaches it, the share it covers (PARTLY_MET or FAILED at 0) when it does not; 0.5 (PARTLY_MET)
 * when the profile states no budget or no co-financing, or they are in different currencies.
 */
public final class CoFinancingCriterion implements MatchCriterion {

    private enum Case { NOT_REQUIRED, NO_BUDGET, NOT_STATED, OTHER_CURRENCY, COMPARED }

    @Override
    public Criterion criterion() {
        return Criterion.CO_FINANCING;
    }

    @Override
    public double weight() {
        return 0.05;
    }

    @Override
    public double rate(PreparedProfile profile, PreparedScheme scheme) {
        return switch (which(profile, scheme)) {
            case NOT_REQUIRED -> 1;
            case NO_BUDGET, NOT_STATED, OTHER_CURRENCY -> 0.5;
            case COMPARED -> covered(profile.coFinancing(), profile.budget().multiply(scheme.coFinancingShare()));
        };
    }

    /** Which case of the rule applies; the amounts are compared (and the required one computed) only in the last. */
    private static Case which(PreparedProfile profile, PreparedScheme scheme) {
        BigDecimal share = scheme.coFinancingShare();
        if (share == null || share.signum() <= 0) {
            return Case.NOT_REQUIRED;
        }
        if (profile.budget() == null) {
            return Case.NO_BUDGET;
        }
        if (profile.coFinancing() == null) {
            return Case.NOT_STATED;
        }
        return profile.coFinancingCurrency().equals(profile.budgetCurrency()) ? Case.COMPARED : Case.OTHER_CURRENCY;
    }

    /** The share of {@code required} that {@code offered} covers, 1 when it reaches it. */
    private static double covered(BigDecimal offered, BigDecimal required) {
        if (offered.compareTo(required) >= 0) {
            return 1;
        }
        return required.signum() == 0 ? 1 : offered.divide(required, MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public Assessment assess(PreparedProfile profile, PreparedScheme scheme) {
        Case which = which(profile, scheme);
        if (which == Case.NOT_REQUIRED) {
            return Ratings.rated(Criterion.CO_FINANCING, 1, "no co-financing required");
        }
        String percent = Words.percent(scheme.coFinancingShare().doubleValue());
        if (which == Case.NO_BUDGET) {
            return Assessment.partlyMet(Criterion.CO_FINANCING, "requires " + percent + " co-financing; no budget given to compare");
        }
        Money budget = profile.profile().budget();
        BigDecimal required = profile.budget().multiply(scheme.coFinancingShare());
        Money requiredMoney = new Money(required.stripTrailingZeros().toPlainString(), budget.currency());
        Money offered = profile.profile().coFinancing();
        return switch (which) {
            case NOT_STATED -> Assessment.partlyMet(Criterion.CO_FINANCING, "requires " + percent + " co-financing ("
                    + requiredMoney.display() + " of the budget); the co-financing the city can bring is not stated");
            case OTHER_CURRENCY -> Assessment.partlyMet(Criterion.CO_FINANCING, "requires " + percent + " co-financing ("
                    + requiredMoney.display() + "); co-financing " + offered.display() + " is in another currency (no exchange rates)");
            default -> {
                double value = covered(profile.coFinancing(), required);
                yield profile.coFinancing().compareTo(required) >= 0
                        ? Ratings.rated(Criterion.CO_FINANCING, 1, "co-financing " + offered.display() + " covers the required "
                                + percent + " (" + requiredMoney.display() + ")")
                        : Ratings.rated(Criterion.CO_FINANCING, value, "co-financing " + offered.display() + " is below the required "
                                + percent + " (" + requiredMoney.display() + ")");
            }
        };
    }
}
