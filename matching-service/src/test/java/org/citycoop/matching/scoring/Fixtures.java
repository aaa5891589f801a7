package org.citycoop.matching.scoring;

import org.citycoop.matching.readmodel.ArrangementData;
import org.citycoop.matching.readmodel.SchemeData.ApplicationWindow;
import org.citycoop.matching.readmodel.SchemeData.FundingRange;
import org.citycoop.matching.readmodel.SchemeData.PartnerCityRequirement;
import org.citycoop.matching.readmodel.SchemeData.ProcessStep;
import org.citycoop.matching.readmodel.SchemeData;
import org.citycoop.matching.vocabulary.ApplicantType;
import org.citycoop.matching.vocabulary.ArrangementStatus;
import org.citycoop.matching.vocabulary.ChallengeArea;
import org.citycoop.matching.vocabulary.Money;
import org.citycoop.matching.vocabulary.SchemeStatus;
import org.citycoop.matching.vocabulary.StepActor;
import org.citycoop.matching.vocabulary.SupportType;
import org.citycoop.matching.vocabulary.WindowKind;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Hand-made schemes, profiles and arrangements for the scoring tests. */
public final class Fixtures {

    /** The time every scoring test matches at. */
    public static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");
    public static final ZoneOffset TOKYO = ZoneOffset.ofHours(9);

    private Fixtures() {
    }

    /** DESIGN.md's example profile: Surabaya (ID), solid waste (1) and institutions (2), 300,000 USD. */
    public static NeedsProfile surabaya() {
        return new NeedsProfile("1625822", "ID", ApplicantType.LOCAL_GOVERNMENT,
                List.of(new NeedsProfile.Challenge(ChallengeArea.SOLID_WASTE, 1),
                        new NeedsProfile.Challenge(ChallengeArea.INSTITUTIONS, 2)),
                List.of(SupportType.TECHNICAL, SupportType.FINANCIAL), usd("300000"), List.of("en"));
    }

    public static Money usd(String amount) {
        return new Money(amount, "USD");
    }

    public static OffsetDateTime days(long fromNow) {
        return NOW.atOffset(TOKYO).plusDays(fromNow);
    }

    public static SchemeBuilder scheme() {
        return new SchemeBuilder();
    }

    public static ArrangementData arrangement(String id, ArrangementStatus status, ArrangementData.City... cities) {
        return new ArrangementData(id, "Arrangement " + id, List.of(cities), status, 1L);
    }

    public static ArrangementData.City city(String cityId, String name, String country) {
        return new ArrangementData.City(cityId, name, country, "PARTNER");
    }

    /** A scheme open to Surabaya's profile in every hard criterion, changed field by field. */
    public static final class SchemeBuilder {
        String id = "scheme-1";
        String agencyId = "unep-ietc";
        String ref;
        String name = "Composting support for cities";
        Map<String, String> names = Map.of("en", "Composting support for cities", "ja", "都市の堆肥化支援");
        List<SupportType> supportTypes = List.of(SupportType.TECHNICAL);
        List<ChallengeArea> challengeAreas = List.of(ChallengeArea.SOLID_WASTE);
        List<ApplicantType> applicantTypes = List.of(ApplicantType.LOCAL_GOVERNMENT);
        String channel = "DIRECT";
        PartnerCityRequirement partnerCityRequired;
        List<String> eligibleCountries = List.of("ID", "VN");
        List<String> eligibleRegions = List.of();
        FundingRange fundingRange = new FundingRange(usd("10000"), usd("3000000"));
        List<ProcessStep> processSteps = List.of(new ProcessStep("Expression of interest", StepActor.CITY, 14),
                new ProcessStep("Selection", StepActor.AGENCY, 30));
        ApplicationWindow window = new ApplicationWindow(WindowKind.FIXED, days(-10), days(60));
        String supersededBy;
        SchemeStatus status = SchemeStatus.OPEN;
        List<String> sectors = List.of();
        String coFinancingShare;

        public SchemeBuilder id(String value) { id = value; return this; }
        public SchemeBuilder agencyId(String value) { agencyId = value; return this; }
        public SchemeBuilder ref(String value) { ref = value; return this; }
        public SchemeBuilder names(Map<String, String> value) { names = value; return this; }
        public SchemeBuilder name(String value) { name = value; return this; }
        public SchemeBuilder supportTypes(SupportType... value) { supportTypes = List.of(value); return this; }
        public SchemeBuilder challengeAreas(ChallengeArea... value) { challengeAreas = List.of(value); return this; }
        public SchemeBuilder applicantTypes(ApplicantType... value) { applicantTypes = List.of(value); return this; }
        public SchemeBuilder channel(String value) { channel = value; return this; }
        public SchemeBuilder partnerCityIn(String country) { partnerCityRequired = new PartnerCityRequirement(country); return this; }
        public SchemeBuilder eligibleCountries(String... value) { eligibleCountries = List.of(value); return this; }
        public SchemeBuilder eligibleRegions(String... value) { eligibleRegions = List.of(value); return this; }
        public SchemeBuilder fundingRange(Money min, Money max) { fundingRange = new FundingRange(min, max); return this; }
        public SchemeBuilder noFundingRange() { fundingRange = null; return this; }
        public SchemeBuilder processSteps(ProcessStep... value) { processSteps = List.of(value); return this; }
        public SchemeBuilder window(WindowKind kind, OffsetDateTime opens, OffsetDateTime deadline) {
            window = new ApplicationWindow(kind, opens, deadline);
            return this;
        }
        public SchemeBuilder supersededBy(String value) { supersededBy = value; return this; }
        public SchemeBuilder status(SchemeStatus value) { status = value; return this; }
        public SchemeBuilder sectors(String... value) { sectors = List.of(value); return this; }
        public SchemeBuilder coFinancingShare(String value) { coFinancingShare = value; return this; }

        public SchemeData build() {
            return new SchemeData(id, agencyId, ref != null ? ref : "REF-" + id, name, names, "Technical assistance.", Map.of(),
                    supportTypes, challengeAreas, applicantTypes, channel, partnerCityRequired, eligibleCountries,
                    eligibleRegions, fundingRange, processSteps, window, supersededBy, status, "https://example.org/" + id, 1L,
                    sectors, coFinancingShare);
        }
    }
}
