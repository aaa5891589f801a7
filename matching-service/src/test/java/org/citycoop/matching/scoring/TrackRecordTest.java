package org.citycoop.matching.scoring;

import org.citycoop.matching.scoring.criteria.Criteria;
import org.citycoop.matching.readmodel.ActivityData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The trackRecord criterion's counts, rating and explanation. */
class TrackRecordTest {

    private static ActivityData activity(String id, String country, String start, String lastUpdated, ActivityData.Coded... sectors) {
        return new ActivityData(id, "adb", "XM-DAC-46004-" + id, new ActivityData.Dates(start, null, null, null),
                List.of(new ActivityData.Coded(country, null)), List.of(sectors), lastUpdated, 1L);
    }

    private static final List<ActivityData> ADB = List.of(
            activity("1", "ID", "2015-01-10", "2026-09-30T00:00:00Z", new ActivityData.Coded("14050", "1")),
            activity("2", "ID", "2018-06-01", "2026-08-01T10:00:00+09:00", new ActivityData.Coded("14022", null),
                    new ActivityData.Coded("140", "2")),
            activity("3", "ID", "2012-01-01", "2026-10-05T00:00:00Z", new ActivityData.Coded("21020", null)),
            activity("4", "VN", "2010-01-01", "2026-10-06T00:00:00Z", new ActivityData.Coded("14050", null)));

    @Test
    void countsTheActivitiesInTheCountryAndSectorsAndCitesIati() {
        TrackRecord record = TrackRecord.of("ADB", ADB, "ID", List.of("14050", "14022"));
        assertEquals(2, record.matching());
        assertEquals(3, record.inCountry());
        assertEquals(1, record.value());
        assertEquals("ADB has 2 activities in Indonesia in sectors 14022 and 14050 since 2015 (IATI, last updated 2026-09-30)",
                record.explanation());
        assertEquals("ADB has 3 activities in Indonesia since 2012 (IATI, last updated 2026-10-05)",
                TrackRecord.of("ADB", ADB, "ID", List.of()).explanation());
    }

    @Test
    void otherSectorsInTheCountryAreHalfNoActivityThereIsZeroAndNoDataIsUnknown() {
        TrackRecord elsewhere = TrackRecord.of("ADB", ADB, "ID", List.of("41010"));
        assertEquals(0.5, elsewhere.value());
        assertEquals("ADB has 3 activities in Indonesia since 2012 (IATI, last updated 2026-10-05), none in sector 41010",
                elsewhere.explanation());
        TrackRecord notThere = TrackRecord.of("ADB", ADB, "TH", List.of("14050"));
        assertEquals(0, notThere.value());
        assertEquals("ADB has 4 activities in IATI, none in Thailand", notThere.explanation());
        TrackRecord unknown = TrackRecord.of("GEF", List.of(), "ID", List.of("14050"));
        assertEquals(0.5, unknown.value());
        assertEquals("no IATI activities of GEF are known to the catalogue", unknown.explanation());
    }

    @Test
    void theRatingFollowsTheCountsInTheExplanationOfTheMatch() {
        TrackRecords records = (agencyId, country, sectors) -> TrackRecord.of("ADB", ADB, country, sectors);
        NeedsProfile profile = Fixtures.surabaya();
        var scheme = Fixtures.scheme().agencyId("adb").sectors("14050").build();
        Assessment assessment = Criteria.trackRecord(profile, scheme, records).assessment();
        assertEquals(Criterion.TRACK_RECORD, assessment.criterion());
        assertEquals(CriterionResult.MET, assessment.result());
        assertEquals("ADB has 1 activity in Indonesia in sector 14050 since 2015 (IATI, last updated 2026-09-30)", assessment.detail());
        assertEquals(CriterionResult.FAILED, Criteria.trackRecord(profile.withLanguages(List.of("en")),
                Fixtures.scheme().agencyId("adb").sectors("14050").build(),
                (agencyId, country, sectors) -> TrackRecord.of("ADB", ADB, "TH", sectors)).assessment().result());
    }
}
