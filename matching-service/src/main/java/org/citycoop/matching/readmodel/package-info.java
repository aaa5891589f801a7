/**
 * The read model of the catalogue's schemes and agencies and of the twinning service's arrangements,
 * built from their events (catalog.schemes, catalog.agencies, twinning.arrangements): idempotent,
 * version-gated, read tolerantly. The data records here parse the producers' example events
 * (catalog-service and twinning-service {@code src/main/resources/events/}). The database holds it (the
 * source of truth); {@link org.citycoop.matching.readmodel.ReadModelIndex} holds it in memory for matching,
 * kept current by {@link org.citycoop.matching.readmodel.ReadModelIndexer}.
 */
package org.citycoop.matching.readmodel;
