package org.citycoop.matching.vocabulary;

/** The lifecycle of a support scheme in the catalogue. */
public enum SchemeStatus {
    FORECASTED, OPEN, CLOSED, WITHDRAWN
}
