package org.citycoop.catalog.vocabulary;

/**
 * One entry of a code list.
 *
 * @param code the code itself, for example {@code 41010}
 * @param nameEn English name
 * @param nameFr French name, or null where the codelist has none
 * @param category the code's group in the codelist (the 3-digit DAC category of a sector), or null
 * @param active true when the codelist's status is {@code active}; withdrawn codes are refused in new data
 */
public record Code(String code, String nameEn, String nameFr, String category, boolean active) {
}
