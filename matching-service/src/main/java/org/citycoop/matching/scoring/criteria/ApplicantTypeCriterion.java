package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.scoring.Assessment;
import org.citycoop.matching.scoring.Criterion;
import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;
import org.citycoop.matching.vocabulary.ApplicantType;

/**
 * Hard: MET when the profile's applicant type, or {@code ANY}, is among the scheme's applicant types; PARTLY_MET when
 * the scheme lists none (the agency does not publish who may apply); FAILED otherwise. The detail names the
 * application channel.
 */
public final class ApplicantTypeCriterion implements MatchCriterion {

    private static final long ANY = PreparedScheme.bit(ApplicantType.ANY);

    @Override
    public Criterion criterion() {
        return Criterion.APPLICANT_TYPE;
    }

    @Override
    public double weight() {
        return 0;
    }

    @Override
    public double rate(PreparedProfile profile, PreparedScheme scheme) {
        long types = scheme.applicantTypes();
        return types == 0 || (types & ANY) != 0 || named(profile, types) ? 1 : 0;
    }

    @Override
    public Assessment assess(PreparedProfile profile, PreparedScheme scheme) {
        String how = channel(scheme.scheme().channel());
        long types = scheme.applicantTypes();
        if (named(profile, types)) {
            return Assessment.met(Criterion.APPLICANT_TYPE, "open to " + profile.applicantType() + "; " + how);
        }
        if ((types & ANY) != 0) {
            return Assessment.met(Criterion.APPLICANT_TYPE, "open to any applicant; " + how);
        }
        if (types == 0) {
            return Assessment.partlyMet(Criterion.APPLICANT_TYPE, "who may apply is not published; ask the agency; " + how);
        }
        return Assessment.failed(Criterion.APPLICANT_TYPE, "open to " + Words.join(scheme.scheme().applicantTypes())
                + " only, not " + profile.applicantType() + "; " + how);
    }

    private static boolean named(PreparedProfile profile, long types) {
        return profile.applicantType() != null && (types & PreparedScheme.bit(profile.applicantType())) != 0;
    }

    /** The application channel in words, for the catalogue's channel codes. */
    static String channel(String channel) {
        if (channel == null) {
            return "application channel not stated";
        }
        return switch (channel) {
            case "DIRECT" -> "apply directly to the agency";
            case "THROUGH_NATIONAL_GOVERNMENT" -> "apply through your national government";
            case "THROUGH_AGENCY_STAFF" -> "the agency's staff prepare and submit the proposal with you";
            case "THROUGH_IMPLEMENTING_AGENCY" -> "an accredited implementing agency applies on your behalf";
            case "THROUGH_PARTNER_LOCAL_GOVERNMENT" -> "a local government of the donor country applies, with you as its counterpart";
            default -> "application channel " + channel;
        };
    }
}
