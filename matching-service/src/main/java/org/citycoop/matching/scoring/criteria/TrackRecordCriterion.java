package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.scoring.TrackRecord;

/**
 * Soft, weight 0.10: the agency's own IATI activities in the profile's country and in the profile's DAC sectors (the
 * scheme's when the profile states none), as {@link TrackRecord#value()} rates them: 1 (MET) with activities there,
 * 0.5 (PARTLY_MET) with activities in the country in other sectors or when the agency's IATI activities are unknown,
 * 0 (FAILED) when it publishes activities and none is in the country. The explanation cites IATI: "ADB has 14
 * activities in Indonesia in sectors 14050 and 14022 since 2015 (IATI, last updated 2026-09-30)". Each agency's
 * record is counted once per match ({@link PreparedProfile#trackRecord}).
 */
public final class TrackRecordCriterion implements MatchCriterion {

    @Override
    public Criterion criterion() {
        return Criterion.TRACK_RECORD;
    }

    @Override
    public double weight() {
        return 0.10;
    }

    @Override
    public double rate(PreparedProfile profile, PreparedScheme scheme) {
        return profile.trackRecord(scheme).value();
    }

    @Override
    public Assessment assess(PreparedProfile profile, PreparedScheme scheme) {
        TrackRecord record = profile.trackRecord(scheme);
        double value = record.value();
        return value == 0.5 ? Assessment.partlyMet(Criterion.TRACK_RECORD, record.explanation())
                : Ratings.rated(Criterion.TRACK_RECORD, value, record.explanation());
    }
}
