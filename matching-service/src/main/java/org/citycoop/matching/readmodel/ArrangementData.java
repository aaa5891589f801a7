package org.citycoop.matching.readmodel;

import org.citycoop.matching.vocabulary.ArrangementStatus;

import java.util.List;
import java.util.Objects;

/**
 * A twinning arrangement as the twinning service publishes it in {@code org.citycoop.twinning.arrangement.*.v1}
 * events: which cities take part and whether it is in force.
 *
 * @param id arrangement id
 * @param title for example "Kitakyushu and Surabaya composting cooperation"
 * @param cities the cities taking part (two or more)
 * @param status lifecycle status (null when the twinning service sends one this service does not know)
 * @param version the twinning service's version of the arrangement
 */
public record ArrangementData(String id, String title, List<City> cities, ArrangementStatus status, Long version) {

    public ArrangementData {
        cities = cities == null ? List.of() : cities.stream().filter(Objects::nonNull).toList();
    }

    /**
     * A city in an arrangement.
     *
     * @param cityId GeoNames id
     * @param name city name
     * @param country ISO 3166-1 alpha-2
     * @param role {@code MENTOR} or {@code PARTNER}
     */
    public record City(String cityId, String name, String country, String role) {
    }
}
