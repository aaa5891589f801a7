package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.vocabulary.SupportType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Soft, weight 0.20: the share of the wanted support types the scheme offers; MET when none is wanted. */
public final class SupportTypesCriterion implements MatchCriterion {

    @Override
    public Criterion criterion() {
        return Criterion.SUPPORT_TYPES;
    }

    @Override
    public double weight() {
        return 0.20;
    }

    @Override
    public double rate(PreparedProfile profile, PreparedScheme scheme) {
        if (profile.supportTypeCount() == 0) {
            return 1;
        }
        return (double) Long.bitCount(profile.supportTypes() & scheme.supportTypes()) / profile.supportTypeCount();
    }

    @Override
    public Assessment assess(PreparedProfile profile, PreparedScheme scheme) {
        double value = rate(profile, scheme);
        if (profile.supportTypeCount() == 0) {
            return Ratings.rated(Criterion.SUPPORT_TYPES, value, "no support type asked for");
        }
        List<SupportType> wanted = List.copyOf(new LinkedHashSet<>(profile.profile().supportTypes()));
        List<SupportType> offered = new ArrayList<>();
        for (SupportType type : wanted) {
            if ((scheme.supportTypes() & PreparedScheme.bit(type)) != 0) {
                offered.add(type);
            }
        }
        String detail = offered.isEmpty()
                ? "offers " + Words.join(scheme.scheme().supportTypes()) + ", none of " + Words.join(wanted)
                : "offers " + Words.join(offered) + " of " + Words.join(wanted);
        return Ratings.rated(Criterion.SUPPORT_TYPES, value, detail);
    }
}
