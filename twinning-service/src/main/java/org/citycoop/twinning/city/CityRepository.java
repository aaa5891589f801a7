package org.citycoop.twinning.city;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The city registry: cities, their names in other scripts and their profiles (offers and needs). */
@ApplicationScoped
public class CityRepository implements PanacheRepositoryBase<City, String> {

    /** The sort key of a city in lists: population descending, then GeoNames id ascending. */
    public record Position(long population, String id) {
    }

    /**
     * One page of cities, most populous first.
     *
     * @param q text that the name or the ASCII name must contain, compared without case and accents; null for any
     * @param country ISO 3166-1 alpha-2 code, or null for any
     * @param after the sort key of the last city of the previous page, or null for the first page
     * @param limit the most cities to return
     */
    public List<City> search(String q, String country, Position after, int limit) {
        return search(q, country, null, after, limit);
    }

    /**
     * A circle on the earth's surface.
     *
     * @param latitude centre, WGS 84 degrees
     * @param longitude centre, WGS 84 degrees
     * @param radiusKm radius in km (great-circle distance, haversine)
     */
    public record Near(double latitude, double longitude, double radiusKm) {
    }

    /**
     * One page of cities, most populous first.
     *
     * @param q text that the name, the ASCII name or a name in another script must contain, compared without case
     *     and accents; null for any
     * @param country ISO 3166-1 alpha-2 code, or null for any
     * @param near only cities within this circle, or null
     * @param after the sort key of the last city of the previous page, or null for the first page
     * @param limit the most cities to return
     */
    public List<City> search(String q, String country, Near near, Position after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT c FROM City c WHERE 1 = 1");
        if (q != null) {
            // search_names holds both names folded by city_search_fold (lower case, no accents): fold q the same way.
            jpql.append(" AND (c.searchNames LIKE concat('%', function('city_search_fold', :q), '%') ESCAPE '!'"
                    + " OR c.id IN (SELECT n.cityId FROM AlternateNameRow n"
                    + " WHERE n.folded LIKE concat('%', function('city_search_fold', :q), '%') ESCAPE '!'))");
        }
        if (near != null) {
            // Haversine; the latitude band first (one degree of latitude is about 111.2 km).
            jpql.append(" AND c.latitude BETWEEN :south AND :north"
                    + " AND 2 * " + Geo.EARTH_RADIUS_KM + " * asin(least(1.0, sqrt(power(sin(radians(c.latitude - :lat) / 2), 2)"
                    + " + cos(radians(:lat)) * cos(radians(c.latitude)) * power(sin(radians(c.longitude - :lon) / 2), 2))))"
                    + " <= :radius");
        }
        if (country != null) {
            jpql.append(" AND c.country = :country");
        }
        if (after != null) {
            jpql.append(" AND (c.population < :population OR (c.population = :population AND c.id > :id))");
        }
        jpql.append(" ORDER BY c.population DESC, c.id ASC");
        TypedQuery<City> query = getEntityManager().createQuery(jpql.toString(), City.class).setMaxResults(limit);
        if (q != null) {
            // NFKC first: unaccent would turn fullwidth ％ and ＿ into the wildcards % and _ after escaping.
            String compatible = java.text.Normalizer.normalize(q, java.text.Normalizer.Form.NFKC);
            query.setParameter("q", compatible.replace("!", "!!").replace("%", "!%").replace("_", "!_"));
        }
        if (country != null) {
            query.setParameter("country", country);
        }
        if (near != null) {
            double band = near.radiusKm() / 111.0 + 0.01;
            query.setParameter("south", near.latitude() - band).setParameter("north", near.latitude() + band)
                    .setParameter("lat", near.latitude()).setParameter("lon", near.longitude())
                    .setParameter("radius", near.radiusKm());
        }
        if (after != null) {
            query.setParameter("population", after.population()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    /** The registry's cities among {@code ids}, by id; unknown ids are absent from the map. */
    public Map<String, City> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return list("id in ?1", ids).stream().collect(Collectors.toMap(City::id, Function.identity()));
    }

    /** The next id for a city the secretariat adds ({@code CC} and a sequence number). */
    public String nextSecretariatId() {
        Number next = (Number) getEntityManager().createNativeQuery("SELECT nextval('city_secretariat_id')").getSingleResult();
        return "CC" + next.longValue();
    }

    /** Adds a populated place ({@code PPL}) that GeoNames does not hold. */
    public void insert(String id, NewCity city, String name, String asciiName, String source) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO city (geonames_id, name, ascii_name, country, admin1_code, feature_code, population,
                                          latitude, longitude, source)
                        VALUES (?1, ?2, ?3, ?4, ?5, 'PPL', ?6, ?7, ?8, ?9)""")
                .setParameter(1, id).setParameter(2, name).setParameter(3, asciiName)
                .setParameter(4, city.country()).setParameter(5, city.admin1Code())
                .setParameter(6, city.population()).setParameter(7, city.latitude())
                .setParameter(8, city.longitude()).setParameter(9, source)
                .executeUpdate();
    }

    /** The city's names in other scripts, in name order. */
    @SuppressWarnings("unchecked")
    public List<AlternateName> alternateNames(String cityId) {
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "SELECT name, lang FROM city_alternate_name WHERE city_id = ?1 ORDER BY name")
                .setParameter(1, cityId).getResultList();
        return rows.stream().map(row -> new AlternateName((String) row[0], (String) row[1])).toList();
    }

    /** Replaces the city's names in other scripts. */
    public void replaceAlternateNames(String cityId, List<AlternateName> names) {
        getEntityManager().createNativeQuery("DELETE FROM city_alternate_name WHERE city_id = ?1").setParameter(1, cityId).executeUpdate();
        for (AlternateName name : names) {
            getEntityManager().createNativeQuery("INSERT INTO city_alternate_name (city_id, name, lang) VALUES (?1, ?2, ?3)")
                    .setParameter(1, cityId).setParameter(2, name.name().strip()).setParameter(3, name.lang())
                    .executeUpdate();
        }
    }

    /** The city's profile, or null when it has declared nothing. */
    public CityProfile profile(String cityId) {
        return getEntityManager().find(CityProfile.class, cityId);
    }

    /** The city's profile locked for update, made (empty) when it has none. */
    public CityProfile lockedProfile(String cityId, java.time.Instant now) {
        CityProfile profile = getEntityManager().find(CityProfile.class, cityId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (profile == null) {
            profile = CityProfile.empty(cityId, now);
            getEntityManager().persist(profile);
        }
        return profile;
    }

    /** Stores a new profile. */
    public void persist(CityProfile profile) {
        getEntityManager().persist(profile);
    }

    /** Ids of the cities that declare an offer in the challenge area {@code area} (its code). */
    @SuppressWarnings("unchecked")
    public List<String> offering(String area) {
        return getEntityManager().createNativeQuery(
                        "SELECT city_id FROM city_profile WHERE offers @> CAST(?1 AS jsonb)", String.class)
                .setParameter(1, "[{\"area\":\"" + area + "\"}]")
                .getResultList();
    }
}
