package org.citycoop.twinning.city;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the registry adds to a city beyond GeoNames (table {@code city_profile}): the expertise it offers and
 * the needs it has, and the version of the city's record (grows with each change of these or of its names).
 */
@Entity
@Table(name = "city_profile")
public class CityProfile {

    @Id
    private String cityId;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Expertise> offers = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Expertise> needs = new ArrayList<>();
    private int version;
    private Instant updatedAt;

    protected CityProfile() {
    }

    /** A profile with nothing declared, version 0 (the first change makes it 1). */
    public static CityProfile empty(String cityId, Instant now) {
        CityProfile profile = new CityProfile();
        profile.cityId = cityId;
        profile.updatedAt = now;
        return profile;
    }

    /** Replaces offers and needs; false (nothing changed) when they are the same. */
    public boolean declare(List<Expertise> newOffers, List<Expertise> newNeeds, Instant now) {
        if (offers.equals(newOffers) && needs.equals(newNeeds)) {
            return false;
        }
        offers = new ArrayList<>(newOffers);
        needs = new ArrayList<>(newNeeds);
        touch(now);
        return true;
    }

    /** Grows the version (a change of the city's record). */
    public void touch(Instant now) {
        version++;
        updatedAt = now;
    }

    public String cityId() {
        return cityId;
    }

    public List<Expertise> offers() {
        return List.copyOf(offers);
    }

    public List<Expertise> needs() {
        return List.copyOf(needs);
    }

    public int version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
