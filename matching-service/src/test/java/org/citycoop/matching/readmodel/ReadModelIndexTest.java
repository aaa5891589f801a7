package org.citycoop.matching.readmodel;

import org.citycoop.matching.scoring.NeedsProfile;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.TrackRecords;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ArrangementStatus;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.WindowKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.citycoop.matching.vocabulary.ChallengeArea.AIR_QUALITY;
import static org.citycoop.matching.vocabulary.ChallengeArea.INSTITUTIONS;
import static org.citycoop.matching.vocabulary.ChallengeArea.SOLID_WASTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory read model: versions, areas, the cheap hard criteria and arrangements by city. */
class ReadModelIndexTest {

    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");
    private static final OffsetDateTime LATER = NOW.atOffset(ZoneOffset.ofHours(9)).plusDays(60);

    private final ReadModelIndex index = new ReadModelIndex();

    @Test
    void addedSchemesAreCandidatesOfTheirAreasOnly() {
        index.put(scheme("waste", 1, List.of(SOLID_WASTE)));
        index.put(scheme("air", 1, List.of(AIR_QUALITY)));
        index.put(scheme("both", 1, List.of(SOLID_WASTE, INSTITUTIONS)));

        assertEquals(Set.of("waste", "both"), ids(List.of(SOLID_WASTE)));
        assertEquals(Set.of("waste", "both"), ids(List.of(SOLID_WASTE, INSTITUTIONS)));
        assertEquals(2, index.candidates(asked(List.of(SOLID_WASTE, INSTITUTIONS), "ID"), true).size(),
                "a scheme of two of the asked areas is a candidate once");
        assertEquals(Set.of("air"), ids(List.of(AIR_QUALITY)));
        assertEquals(3, index.schemeCount());
    }

    @Test
    void newerVersionReplacesAndOlderOrEqualIsIgnored() {
        assertTrue(index.put(scheme("s", 2, List.of(SOLID_WASTE))));
        assertFalse(index.put(named(scheme("s", 1, List.of(SOLID_WASTE)), "older")));
        assertFalse(index.put(named(scheme("s", 2, List.of(SOLID_WASTE)), "same version again")));
        assertEquals("Scheme s", index.scheme("s").orElseThrow().name());
        assertTrue(index.holdsScheme("s", 2));
        assertFalse(index.holdsScheme("s", 3));

        assertTrue(index.put(named(scheme("s", 3, List.of(SOLID_WASTE)), "version three")));
        assertEquals("version three", index.scheme("s").orElseThrow().name());
        assertEquals(1, index.schemeCount());
    }

    @Test
    void aChangeOfAreasMovesTheSchemeAndAnOlderVersionDoesNotMoveItBack() {
        index.put(scheme("s", 1, List.of(SOLID_WASTE)));
        index.put(scheme("s", 2, List.of(AIR_QUALITY)));
        assertEquals(Set.of(), ids(List.of(SOLID_WASTE)));
        assertEquals(Set.of("s"), ids(List.of(AIR_QUALITY)));

        index.put(scheme("s", 1, List.of(SOLID_WASTE)));
        assertEquals(Set.of(), ids(List.of(SOLID_WASTE)));
        assertEquals(Set.of("s"), ids(List.of(AIR_QUALITY)));
    }

    @Test
    void withdrawnSupersededAndClosedSchemesAreCandidatesOnlyWhenIneligibleOnesAreAsked() {
        index.put(scheme("open", 1, List.of(SOLID_WASTE)));
        index.put(scheme("withdrawn", 1, List.of(SOLID_WASTE)));
        index.put(scheme("withdrawn", 2, List.of(SOLID_WASTE)).withStatus(SchemeStatus.WITHDRAWN));
        index.put(with(scheme("superseded", 1, List.of(SOLID_WASTE)), "next", null, null, null));
        index.put(with(scheme("closed", 1, List.of(SOLID_WASTE)), null,
                new SchemeData.ApplicationWindow(WindowKind.FIXED, LATER.minusYears(1), NOW.atOffset(ZoneOffset.UTC).minusSeconds(1)), null, null));
        index.put(with(scheme("deadlineNow", 1, List.of(SOLID_WASTE)), null,
                new SchemeData.ApplicationWindow(WindowKind.FIXED, LATER.minusYears(1), NOW.atOffset(ZoneOffset.UTC)), null, null));

        assertEquals(Set.of("open", "deadlineNow"), ids(List.of(SOLID_WASTE)));
        assertEquals(Set.of("open", "withdrawn", "superseded", "closed", "deadlineNow"),
                index.candidates(asked(List.of(SOLID_WASTE), "ID"), false).stream()
                        .map(prepared -> prepared.scheme().id()).collect(Collectors.toSet()));
        assertEquals(SchemeStatus.WITHDRAWN, index.scheme("withdrawn").orElseThrow().status());
    }

    @Test
    void countryAndApplicantTypeListsLeaveOutWhoIsNotOnThem() {
        index.put(with(scheme("vietnam", 1, List.of(SOLID_WASTE)), null, null, List.of("VN"), null));
        index.put(with(scheme("anyCountry", 1, List.of(SOLID_WASTE)), null, null, List.of(), null));
        index.put(with(scheme("ngo", 1, List.of(SOLID_WASTE)), null, null, null, List.of(ApplicantType.NGO)));
        index.put(with(scheme("anyApplicant", 1, List.of(SOLID_WASTE)), null, null, null, List.of(ApplicantType.ANY)));
        index.put(with(scheme("notPublished", 1, List.of(SOLID_WASTE)), null, null, null, List.of()));

        assertEquals(Set.of("anyCountry", "anyApplicant", "notPublished"), ids(List.of(SOLID_WASTE)));
        assertEquals(Set.of("vietnam", "anyCountry", "anyApplicant", "notPublished"),
                index.candidates(asked(List.of(SOLID_WASTE), "VN"), true).stream()
                        .map(prepared -> prepared.scheme().id()).collect(Collectors.toSet()));
    }

    @Test
    void agenciesKeepTheirNewestVersion() {
        assertTrue(index.put(new AgencyData("unep-ietc", "UNEP IETC", "IETC", 1L)));
        assertTrue(index.put(new AgencyData("unep-ietc", "UNEP International Environmental Technology Centre", "UNEP-IETC", 2L)));
        assertFalse(index.put(new AgencyData("unep-ietc", "UNEP IETC", "IETC", 1L)));
        assertEquals("UNEP-IETC", index.agency("unep-ietc").orElseThrow().acronym());
        assertTrue(index.agency("unknown").isEmpty());
        assertTrue(index.agency(null).isEmpty());
    }

    @Test
    void arrangementsAreFoundByEachOfTheirCitiesInIdOrder() {
        ArrangementData.City surabaya = new ArrangementData.City("1625822", "Surabaya", "ID", "PARTNER");
        ArrangementData.City kitakyushu = new ArrangementData.City("1859307", "Kitakyushu", "JP", "MENTOR");
        ArrangementData.City danang = new ArrangementData.City("1583992", "Da Nang", "VN", "PARTNER");
        index.put(new ArrangementData("b", "B", List.of(surabaya, kitakyushu), ArrangementStatus.ACTIVE, 1L));
        index.put(new ArrangementData("a", "A", List.of(surabaya, danang), ArrangementStatus.PROPOSED, 1L));

        assertEquals(List.of("a", "b"), index.arrangementsOf("1625822").stream().map(ArrangementData::id).toList());
        assertEquals(List.of("b"), index.arrangementsOf("1859307").stream().map(ArrangementData::id).toList());

        index.put(new ArrangementData("b", "B", List.of(danang, kitakyushu), ArrangementStatus.ACTIVE, 2L));
        assertEquals(List.of("a"), index.arrangementsOf("1625822").stream().map(ArrangementData::id).toList());
        assertEquals(List.of("a", "b"), index.arrangementsOf("1583992").stream().map(ArrangementData::id).toList());
        assertFalse(index.put(new ArrangementData("b", "B", List.of(surabaya, kitakyushu), ArrangementStatus.ACTIVE, 1L)));
        assertEquals(List.of(), index.arrangementsOf("unknown"));
    }

    private Set<String> ids(List<ChallengeArea> areas) {
        return index.candidates(asked(areas, "ID"), true).stream().map(prepared -> prepared.scheme().id())
                .collect(Collectors.toSet());
    }

    /** A local government of {@code country} asking about {@code areas}, at {@link #NOW}. */
    private static PreparedProfile asked(List<ChallengeArea> areas, String country) {
        return PreparedProfile.of(new NeedsProfile(null, country, ApplicantType.LOCAL_GOVERNMENT,
                areas.stream().map(area -> new NeedsProfile.Challenge(area, 1)).toList(), List.of(), null, List.of()),
                List.of(), TrackRecords.NONE, NOW);
    }

    /** A rolling scheme open to local governments of Indonesia and Viet Nam. */
    private static SchemeData scheme(String id, long version, List<ChallengeArea> areas) {
        return new SchemeData(id, "unep-ietc", "REF-" + id, "Scheme " + id, Map.of(), null, Map.of(), List.of(), areas,
                List.of(ApplicantType.LOCAL_GOVERNMENT), "DIRECT", null, List.of("ID", "VN"), List.of(), null, List.of(),
                new SchemeData.ApplicationWindow(WindowKind.ROLLING, null, null), null, SchemeStatus.OPEN, null, version);
    }

    private static SchemeData named(SchemeData s, String name) {
        return new SchemeData(s.id(), s.agencyId(), s.ref(), name, s.names(), s.description(), s.descriptions(),
                s.supportTypes(), s.challengeAreas(), s.applicantTypes(), s.channel(), s.partnerCityRequired(),
                s.eligibleCountries(), s.eligibleRegions(), s.fundingRange(), s.processSteps(), s.window(), s.supersededBy(),
                s.status(), s.sourceUrl(), s.version());
    }

    /** The scheme with what is not null replaced. */
    private static SchemeData with(SchemeData s, String supersededBy, SchemeData.ApplicationWindow window,
                                   List<String> countries, List<ApplicantType> applicantTypes) {
        return new SchemeData(s.id(), s.agencyId(), s.ref(), s.name(), s.names(), s.description(), s.descriptions(),
                s.supportTypes(), s.challengeAreas(), applicantTypes == null ? s.applicantTypes() : applicantTypes,
                s.channel(), s.partnerCityRequired(), countries == null ? s.eligibleCountries() : countries,
                s.eligibleRegions(), s.fundingRange(), s.processSteps(), window == null ? s.window() : window,
                supersededBy == null ? s.supersededBy() : supersededBy, s.status(), s.sourceUrl(), s.version());
    }
}
