package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.readmodel.SchemeData.FundingRange;
import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.vocabulary.Money;

import java.math.BigDecimal;

/**
 * Soft, weight 0.15: 1 (MET) when the budget lies inside the funding range (an absent end is open); above the maximum,
 * the share of the budget the maximum covers; below the minimum, the budget's share of the minimum (both PARTLY_MET,
 * in (0, 1)). 1 (MET) when the profile states no budget. 0.5 and PARTLY_MET when the range is unknown or in another
 * currency than the budget: amounts in different currencies are not compared (no exchange rates).
 */
public final class BudgetCriterion implements MatchCriterion {

    private enum Case { NO_BUDGET, RANGE_UNKNOWN, OTHER_CURRENCY, ABOVE_MAXIMUM, BELOW_MINIMUM, INSIDE }

    @Override
    public Criterion criterion() {
        return Criterion.BUDGET;
    }

    @Override
    public double weight() {
        return 0.15;
    }

    @Override
    public double rate(PreparedProfile profile, PreparedScheme scheme) {
        return value(which(profile, scheme), profile, scheme);
    }

    /** Which case of the rule the budget and the range fall in, from their amounts as numbers. */
    private static Case which(PreparedProfile profile, PreparedScheme scheme) {
        BigDecimal need = profile.budget();
        if (need == null) {
            return Case.NO_BUDGET;
        }
        BigDecimal min = scheme.fundingMin();
        BigDecimal max = scheme.fundingMax();
        if (min == null && max == null) {
            return Case.RANGE_UNKNOWN;
        }
        String currency = profile.budgetCurrency(); // interned, as the scheme's: the same code is the same object
        if (min != null && scheme.fundingCurrencyMin() != currency || max != null && scheme.fundingCurrencyMax() != currency) {
            return Case.OTHER_CURRENCY;
        }
        double needAmount = profile.budgetAmount();
        if (max != null && compareAmounts(needAmount, need, scheme.fundingMaxAmount(), max) > 0) {
            return Case.ABOVE_MAXIMUM;
        }
        if (min != null && compareAmounts(needAmount, need, scheme.fundingMinAmount(), min) < 0) {
            return Case.BELOW_MINIMUM;
        }
        return Case.INSIDE;
    }

    private static double value(Case which, PreparedProfile profile, PreparedScheme scheme) {
        return switch (which) {
            case NO_BUDGET, INSIDE -> 1;
            case RANGE_UNKNOWN, OTHER_CURRENCY -> 0.5;
            case ABOVE_MAXIMUM -> scheme.fundingMaxAmount() / profile.budgetAmount();
            case BELOW_MINIMUM -> profile.budgetAmount() / scheme.fundingMinAmount();
        };
    }

    /**
     * Compares two amounts by their doubles, read without following a reference, and exactly only when the doubles
     * are equal (converting to the nearest double keeps the order, so unequal doubles decide).
     */
    private static int compareAmounts(double a, BigDecimal exactA, double b, BigDecimal exactB) {
        return a < b ? -1 : a > b ? 1 : exactA.compareTo(exactB);
    }

    @Override
    public Assessment assess(PreparedProfile profile, PreparedScheme scheme) {
        Case which = which(profile, scheme);
        double value = value(which, profile, scheme);
        Money budget = profile.profile().budget();
        FundingRange range = scheme.scheme().fundingRange();
        Money min = range == null ? null : known(range.min());
        Money max = range == null ? null : known(range.max());
        return switch (which) {
            case NO_BUDGET -> Ratings.rated(Criterion.BUDGET, value, "no budget given");
            case RANGE_UNKNOWN -> Assessment.partlyMet(Criterion.BUDGET, "funding range unknown");
            case OTHER_CURRENCY -> Assessment.partlyMet(Criterion.BUDGET, "funding range " + describe(min, max)
                    + " is in another currency than the budget " + budget.display() + "; not compared (no exchange rates)");
            case ABOVE_MAXIMUM -> Assessment.partlyMet(Criterion.BUDGET, "budget " + budget.display() + " is above the maximum "
                    + max.display() + ", which covers " + Words.percent(value) + " of it");
            case BELOW_MINIMUM -> Assessment.partlyMet(Criterion.BUDGET, "budget " + budget.display() + " is below the minimum "
                    + min.display());
            case INSIDE -> Ratings.rated(Criterion.BUDGET, value, "budget " + budget.display() + " is inside " + describe(min, max));
        };
    }

    /** {@code 10,000-90,000 USD}, {@code the range from 10,000 USD}, {@code the range up to 90,000 USD}. */
    private static String describe(Money min, Money max) {
        if (min == null) {
            return "the range up to " + max.display();
        }
        if (max == null) {
            return "the range from " + min.display();
        }
        if (min.currency().equals(max.currency())) {
            return Money.grouped(min.value().orElseThrow()) + "-" + max.display();
        }
        return min.display() + "-" + max.display();
    }

    private static Money known(Money money) {
        return money == null || money.currency() == null || money.value().isEmpty() ? null : money;
    }
}
