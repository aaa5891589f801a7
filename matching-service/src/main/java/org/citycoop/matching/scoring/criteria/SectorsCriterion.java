package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;

import java.util.ArrayList;
import java.util.List;

/**
 * Soft, weight 0.10: the share of the profile's DAC sectors (IATI Sector codelist, 5-digit purpose codes) that the
 * scheme lists; 1 (MET) when the profile states none; 0.5 (PARTLY_MET) when the scheme lists none (the agency does
 * not publish them).
 */
public final class SectorsCriterion implements MatchCriterion {

    @Override
    public Criterion criterion() {
        return Criterion.SECTORS;
    }

    @Override
    public double weight() {
        return 0.10;
    }

    @Override
    public double rate(PreparedProfile profile, PreparedScheme scheme) {
        List<String> wanted = profile.sectors();
        if (wanted.isEmpty()) {
            return 1;
        }
        if (scheme.sectors().isEmpty()) {
            return 0.5;
        }
        int shared = 0;
        for (String sector : wanted) {
            if (scheme.sectors().contains(sector)) {
                shared++;
            }
        }
        return (double) shared / wanted.size();
    }

    @Override
    public Assessment assess(PreparedProfile profile, PreparedScheme scheme) {
        double value = rate(profile, scheme);
        List<String> wanted = profile.sectors();
        if (wanted.isEmpty()) {
            return Ratings.rated(Criterion.SECTORS, value, "no DAC sector asked for");
        }
        if (scheme.sectors().isEmpty()) {
            return Assessment.partlyMet(Criterion.SECTORS, "the scheme publishes no DAC sectors; asked for "
                    + String.join(", ", profile.profile().sectors()));
        }
        List<String> shared = new ArrayList<>();
        for (String sector : wanted) {
            if (scheme.sectors().contains(sector)) {
                shared.add(sector);
            }
        }
        String detail = shared.isEmpty()
                ? "funds DAC sectors " + String.join(", ", scheme.sectors()) + ", none of " + String.join(", ", wanted)
                : "funds DAC sectors " + String.join(", ", shared) + " of " + String.join(", ", wanted);
        return Ratings.rated(Criterion.SECTORS, value, detail);
    }
}
