/**
 * The matching rules, in plain classes without CDI or a database: the hard criteria that decide whether a city
 * may apply for a scheme ({@link org.citycoop.matching.scoring.HardCriteria}), the weighted soft criteria that
 * score how well the scheme fits ({@link org.citycoop.matching.scoring.SoftCriteria}), and how matches are
 * ranked ({@link org.citycoop.matching.scoring.MatchScorer}, {@link org.citycoop.matching.scoring.Match}).
 */
package org.citycoop.matching.scoring;
