package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.readmodel.ArrangementData;
import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.vocabulary.ArrangementStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hard: MET when the scheme needs no partner city. When it needs one in country C: MET only if {@code cityId} is
 * given and the read model holds an {@code AGREED} or {@code ACTIVE} arrangement between that city and a city of C
 * (an active one preferred, then the lowest id), naming both; FAILED otherwise, saying why (no cityId, no
 * arrangement with a city of C, or only arrangements in other statuses, which it names). The arrangements are those
 * the profile's city takes part in, any status ({@link PreparedProfile#arrangements()}).
 */
public final class PartnerCityCriterion implements MatchCriterion {

    private static final Comparator<Partnership> PREFERRED = Comparator
            .comparing((Partnership partnership) -> partnership.status() != ArrangementStatus.ACTIVE)
            .thenComparing(partnership -> partnership.arrangement().id());

    @Override
    public Criterion criterion() {
        return Criterion.PARTNER_CITY;
    }

    @Override
    public double weight() {
        return 0;
    }

    @Override
    public double rate(PreparedProfile profile, PreparedScheme scheme) {
        if (!scheme.requiresPartnerCity()) {
            return 1;
        }
        String cityId = profile.profile().cityId();
        if (cityId == null) {
            return 0;
        }
        String country = scheme.scheme().partnerCityRequired().country();
        for (ArrangementData arrangement : profile.arrangements()) {
            if (inForce(arrangement) && includes(arrangement, cityId)) {
                for (ArrangementData.City city : arrangement.cities()) {
                    if (partner(city, cityId, country)) {
                        return 1;
                    }
                }
            }
        }
        return 0;
    }

    @Override
    public Assessment assess(PreparedProfile profile, PreparedScheme scheme) {
        if (!scheme.requiresPartnerCity()) {
            return Assessment.met(Criterion.PARTNER_CITY, "no partner city required");
        }
        String country = scheme.scheme().partnerCityRequired().country();
        String where = country == null ? "a partner city" : "a partner city in " + country;
        String cityId = profile.profile().cityId();
        if (cityId == null) {
            return Assessment.failed(Criterion.PARTNER_CITY, "needs " + where + "; no cityId given, so twinning arrangements cannot be checked");
        }
        List<Partnership> partnerships = new ArrayList<>();
        for (ArrangementData arrangement : profile.arrangements()) {
            if (includes(arrangement, cityId)) {
                for (ArrangementData.City city : arrangement.cities()) {
                    if (partner(city, cityId, country)) {
                        partnerships.add(new Partnership(arrangement, city));
                    }
                }
            }
        }
        Partnership preferred = partnerships.stream().filter(partnership -> inForce(partnership.arrangement()))
                .min(PREFERRED).orElse(null);
        if (preferred != null) {
            return Assessment.met(Criterion.PARTNER_CITY, "needs " + where + ": " + preferred.describe());
        }
        if (partnerships.isEmpty()) {
            return Assessment.failed(Criterion.PARTNER_CITY, "needs " + where + "; city " + cityId
                    + " has no twinning arrangement with one");
        }
        return Assessment.failed(Criterion.PARTNER_CITY, "needs " + where + " in an AGREED or ACTIVE arrangement; only "
                + partnerships.stream().map(Partnership::describe).collect(Collectors.joining("; ")));
    }

    private static boolean inForce(ArrangementData arrangement) {
        return arrangement.status() != null && arrangement.status().isInForce();
    }

    private static boolean includes(ArrangementData arrangement, String cityId) {
        for (ArrangementData.City city : arrangement.cities()) {
            if (cityId.equals(city.cityId())) {
                return true;
            }
        }
        return false;
    }

    /** Another city of the arrangement, in {@code country} when one is required. */
    private static boolean partner(ArrangementData.City city, String cityId, String country) {
        return city.cityId() != null && !city.cityId().equals(cityId) && (country == null || country.equals(city.country()));
    }

    private record Partnership(ArrangementData arrangement, ArrangementData.City partner) {

        ArrangementStatus status() {
            return arrangement.status();
        }

        String describe() {
            return "arrangement '" + arrangement.title() + "' (" + arrangement.id() + ", "
                    + (status() == null ? "status unknown" : status()) + ") with " + partner.name() + " ("
                    + partner.cityId() + ", " + partner.country() + ")";
        }
    }
}
