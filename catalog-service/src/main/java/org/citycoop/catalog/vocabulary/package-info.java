/**
 * The catalogue's vocabularies: its own code lists as enums (challenge areas, support and applicant types, window
 * kinds, statuses, process actors, application channels), which are the public contract of DESIGN.md ("The public
 * API's core shapes"), and the IATI codelists it ships, checks and serves at {@code /v1/vocabularies/{name}}.
 */
package org.citycoop.catalog.vocabulary;
