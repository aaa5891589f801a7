/**
 * The twinning service's code lists as enums: kinds, statuses and city roles of arrangements, activity types, and
 * the challenge areas it shares with the catalogue. The values are the public contract of DESIGN.md ("The public
 * API's core shapes").
 */
package org.citycoop.twinning.vocabulary;
