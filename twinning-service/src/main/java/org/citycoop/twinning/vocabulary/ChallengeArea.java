package org.citycoop.twinning.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The challenge areas of the 2004 Kitakyushu Initiative Network seminar: four physical areas (the
 * environmental problems a city faces) and six capacity areas (what it needs to solve them). The same
 * list as the catalogue's {@code challengeAreas}, so that twinnings and schemes can be matched.
 */
@Schema(description = "Challenge area (Kitakyushu Initiative seminar, 2004): physical areas SOLID_WASTE, "
        + "WATER_AND_WASTEWATER, AIR_QUALITY, OTHER_PHYSICAL; capacity areas URBAN_PLANNING, REGULATIONS, "
        + "INSTITUTIONS, FINANCIAL_MECHANISMS, APPROPRIATE_TECHNOLOGY, SOCIAL_CAPITAL")
public enum ChallengeArea {
    /** Collection, recycling, composting and disposal of municipal solid waste. */
    SOLID_WASTE,
    /** Drinking water supply, sewerage and wastewater treatment. */
    WATER_AND_WASTEWATER,
    /** Urban air pollution: monitoring, emissions from traffic and industry. */
    AIR_QUALITY,
    /** Other physical problems: noise, soil, green space, climate and energy. */
    OTHER_PHYSICAL,
    /** Land use and urban planning. */
    URBAN_PLANNING,
    /** Local regulations and their enforcement. */
    REGULATIONS,
    /** Institutions and administrative capacity of the local government. */
    INSTITUTIONS,
    /** Financing mechanisms: fees, budgets, access to loans and grants. */
    FINANCIAL_MECHANISMS,
    /** Technologies suited to the city's means and conditions. */
    APPROPRIATE_TECHNOLOGY,
    /** Social capital: participation of citizens, communities, NGOs and businesses. */
    SOCIAL_CAPITAL
}
