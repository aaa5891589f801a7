package org.citycoop.matching.vocabulary;

/**
 * The challenge areas of the 2004 Kitakyushu Initiative seminar: four physical areas (solid waste, water and
 * wastewater, air quality, other physical) and six capacity areas (urban planning, regulations,
 * institutions, financial mechanisms, appropriate technology, social capital).
 */
public enum ChallengeArea {
    SOLID_WASTE, WATER_AND_WASTEWATER, AIR_QUALITY, OTHER_PHYSICAL, URBAN_PLANNING, REGULATIONS, INSTITUTIONS,
    FINANCIAL_MECHANISMS, APPROPRIATE_TECHNOLOGY, SOCIAL_CAPITAL
}
