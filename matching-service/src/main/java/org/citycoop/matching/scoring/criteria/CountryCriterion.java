package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;

import java.util.Arrays;

/**
 * Hard: MET when the scheme lists no country and no region (open to all) or lists the profile's country; PARTLY_MET
 * when it lists regions only (region membership is not checked); FAILED when it lists countries and the profile's is
 * not among them (the country list is decisive even when regions are given too). Countries are compared as
 * {@link PreparedScheme#countryCode} numbers: a 64-bit filter first, then the scheme's sorted codes.
 */
public final class CountryCriterion implements MatchCriterion {

    @Override
    public Criterion criterion() {
        return Criterion.COUNTRY;
    }

    @Override
    public double weight() {
        return 0;
    }

    @Override
    public double rate(PreparedProfile profile, PreparedScheme scheme) {
        return openToCountry(scheme, profile.countryCode()) ? 1 : 0;
    }

    /** The scheme lists no country, or names the country of {@code countryCode} ({@link PreparedScheme#countryCode}). */
    public static boolean openToCountry(PreparedScheme scheme, int countryCode) {
        return scheme.anyCountry()
                || (scheme.countryFilter() & 1L << countryCode) != 0 && Arrays.binarySearch(scheme.countryCodes(), countryCode) >= 0;
    }

    @Override
    public Assessment assess(PreparedProfile profile, PreparedScheme scheme) {
        String country = profile.profile().country();
        if (scheme.anyCountry()) {
            if (scheme.scheme().eligibleRegions().isEmpty()) {
                return Assessment.met(Criterion.COUNTRY, "open to all countries");
            }
            return Assessment.partlyMet(Criterion.COUNTRY, "open to regions " + Words.join(scheme.scheme().eligibleRegions())
                    + "; region membership not checked");
        }
        if (rate(profile, scheme) == 1) {
            return Assessment.met(Criterion.COUNTRY, country + " is among the eligible countries");
        }
        return Assessment.failed(Criterion.COUNTRY, country + " is not among the eligible countries "
                + Words.join(scheme.scheme().eligibleCountries()));
    }
}
