package org.citycoop.matching.scoring;

/** How a scheme fares on one criterion. A {@code FAILED} hard criterion makes the scheme ineligible. */
public enum CriterionResult {
    MET, PARTLY_MET, FAILED
}
