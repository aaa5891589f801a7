package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.LanguageBits;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;

/**
 * Soft, weight 0.05: 1 (MET) when the scheme has a name or description in one of the wanted languages (compared by
 * primary language subtag; the scheme's untagged name and description count as English); otherwise 0.5 and
 * PARTLY_MET: it is shown in English. Languages are compared as {@link LanguageBits}, and by their subtags only when
 * both sides have one beyond those with a bit.
 */
public final class LanguageCriterion implements MatchCriterion {

    @Override
    public Criterion criterion() {
        return Criterion.LANGUAGE;
    }

    @Override
    public double weight() {
        return 0.05;
    }

    @Override
    public double rate(PreparedProfile profile, PreparedScheme scheme) {
        long shared = profile.languageBits() & scheme.languageBits();
        if ((shared & ~LanguageBits.OTHER) != 0) {
            return 1;
        }
        return shared != 0 && found(profile, scheme) != null ? 1 : 0.5;
    }

    /** The first wanted language the scheme has; null when none. */
    private static String found(PreparedProfile profile, PreparedScheme scheme) {
        for (String language : profile.languages()) {
            if (scheme.languages().contains(language)) {
                return language;
            }
        }
        return null;
    }

    @Override
    public Assessment assess(PreparedProfile profile, PreparedScheme scheme) {
        if (rate(profile, scheme) == 1) {
            return Assessment.met(Criterion.LANGUAGE, "available in " + found(profile, scheme));
        }
        return Assessment.partlyMet(Criterion.LANGUAGE, "not available in " + String.join(", ", profile.languages()) + "; shown in English");
    }
}
