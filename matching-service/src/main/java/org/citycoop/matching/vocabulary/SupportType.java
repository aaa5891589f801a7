package org.citycoop.matching.vocabulary;

/** What a scheme gives: a financial grant, a loan, technical assistance, training, information, or other support. */
public enum SupportType {
    FINANCIAL, LOAN, TECHNICAL, TRAINING, INFORMATION, OTHER
}
