package org.citycoop.twinning.arrangement;

import org.citycoop.twinning.vocabulary.CityRole;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A city of an arrangement (a row of {@code twinning_city}): its GeoNames id and role. */
@Embeddable
public class Participant {

    private String cityId;
    @Enumerated(EnumType.STRING)
    private CityRole role;

    protected Participant() {
    }

    Participant(String cityId, CityRole role) {
        this.cityId = cityId;
        this.role = role;
    }

    public String cityId() {
        return cityId;
    }

    public CityRole role() {
        return role;
    }
}
