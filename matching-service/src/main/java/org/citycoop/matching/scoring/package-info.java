/**
 * The matching rules, in plain classes without CDI or a database: each criterion of a match written once, in its
 * class of {@link org.citycoop.matching.scoring.criteria} (named and ordered by {@link org.citycoop.matching.scoring.Criterion}),
 * reading the profile and the scheme in their prepared forms ({@link org.citycoop.matching.scoring.PreparedProfile},
 * {@link org.citycoop.matching.scoring.PreparedScheme}); how they make a match's score, eligibility and explanation
 * ({@link org.citycoop.matching.scoring.MatchScorer}) and how matches are ranked ({@link org.citycoop.matching.scoring.Match}).
 */
package org.citycoop.matching.scoring;
