/**
 * The criteria of a match, one class each ({@link org.citycoop.matching.scoring.criteria.MatchCriterion}): the fast
 * decision or rating that ranks every candidate scheme, the explanation (result, compared values, English text) of
 * the matches returned from the same values, and, for a hard criterion that has one, the key by which the read-model
 * index pre-filters candidates ({@link org.citycoop.matching.scoring.criteria.IndexKey}).
 */
package org.citycoop.matching.scoring.criteria;
