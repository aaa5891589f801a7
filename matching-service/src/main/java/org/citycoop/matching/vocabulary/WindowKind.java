package org.citycoop.matching.vocabulary;

/**
 * How a scheme takes applications: {@code FIXED} (one window with a deadline), {@code ROLLING} (any time, no
 * deadline) or {@code ANNUAL} (the window and its deadline recur every year on the same date).
 */
public enum WindowKind {
    FIXED, ROLLING, ANNUAL
}
