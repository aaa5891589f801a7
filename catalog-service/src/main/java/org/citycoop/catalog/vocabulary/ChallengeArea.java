package org.citycoop.catalog.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The urban environmental challenges a scheme addresses, in the terms of the 2004 Kitakyushu Initiative
 * seminar: four physical areas and six capacity areas.
 */
@Schema(description = "Challenge area (Kitakyushu Initiative seminar, 2004). Physical: SOLID_WASTE, WATER_AND_WASTEWATER, "
        + "AIR_QUALITY, OTHER_PHYSICAL. Capacity: URBAN_PLANNING, REGULATIONS, INSTITUTIONS, FINANCIAL_MECHANISMS, "
        + "APPROPRIATE_TECHNOLOGY, SOCIAL_CAPITAL")
public enum ChallengeArea {
    /** Physical: solid waste collection, recycling, composting, disposal. */
    SOLID_WASTE,
    /** Physical: water supply, sanitation, wastewater treatment. */
    WATER_AND_WASTEWATER,
    /** Physical: air pollution and its monitoring. */
    AIR_QUALITY,
    /** Physical: other environmental infrastructure. */
    OTHER_PHYSICAL,
    /** Capacity: urban and environmental planning. */
    URBAN_PLANNING,
    /** Capacity: environmental regulations and their enforcement. */
    REGULATIONS,
    /** Capacity: institutions and their staff. */
    INSTITUTIONS,
    /** Capacity: financial mechanisms (fees, funds, cost recovery). */
    FINANCIAL_MECHANISMS,
    /** Capacity: appropriate technology. */
    APPROPRIATE_TECHNOLOGY,
    /** Capacity: social capital, community and stakeholder participation. */
    SOCIAL_CAPITAL
}
