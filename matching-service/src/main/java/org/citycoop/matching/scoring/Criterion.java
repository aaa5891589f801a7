package org.citycoop.matching.scoring;

import com.fasterxml.jackson.annotation.JsonValue;
import org.citycoop.matching.scoring.criteria.ApplicantTypeCriterion;
import org.citycoop.matching.scoring.criteria.BudgetCriterion;
import org.citycoop.matching.scoring.criteria.ChallengesCriterion;
import org.citycoop.matching.scoring.criteria.CoFinancingCriterion;
import org.citycoop.matching.scoring.criteria.CountryCriterion;
import org.citycoop.matching.scoring.criteria.DeadlineCriterion;
import org.citycoop.matching.scoring.criteria.LanguageCriterion;
import org.citycoop.matching.scoring.criteria.MatchCriterion;
import org.citycoop.matching.scoring.criteria.PartnerCityCriterion;
import org.citycoop.matching.scoring.criteria.RelevanceCriterion;
import org.citycoop.matching.scoring.criteria.SectorsCriterion;
import org.citycoop.matching.scoring.criteria.StatusCriterion;
import org.citycoop.matching.scoring.criteria.SupportTypesCriterion;
import org.citycoop.matching.scoring.criteria.TrackRecordCriterion;

/**
 * The criteria of a match, named in the API by their camelCase key, in the order of a match's explanation (hard
 * ones first), each with the one class that decides, rates and explains it ({@link #rule()}). Hard criteria decide
 * eligibility; soft criteria are weighted into the score (weights add up to 1).
 */
public enum Criterion {
    RELEVANCE("relevance", new RelevanceCriterion()),
    APPLICANT_TYPE("applicantType", new ApplicantTypeCriterion()),
    COUNTRY("country", new CountryCriterion()),
    STATUS("status", new StatusCriterion()),
    DEADLINE("deadline", new DeadlineCriterion()),
    PARTNER_CITY("partnerCity", new PartnerCityCriterion()),
    CHALLENGES("challenges", new ChallengesCriterion()),
    SUPPORT_TYPES("supportTypes", new SupportTypesCriterion()),
    BUDGET("budget", new BudgetCriterion()),
    SECTORS("sectors", new SectorsCriterion()),
    CO_FINANCING("coFinancing", new CoFinancingCriterion()),
    LANGUAGE("language", new LanguageCriterion()),
    TRACK_RECORD("trackRecord", new TrackRecordCriterion());

    private final String key;
    private final MatchCriterion rule;

    Criterion(String key, MatchCriterion rule) {
        this.key = key;
        this.rule = rule;
    }

    /** The name in the API, for example {@code partnerCity}. */
    @JsonValue
    public String key() {
        return key;
    }

    /** The class that decides, rates and explains this criterion. */
    public MatchCriterion rule() {
        return rule;
    }

    /** The weight of a soft criterion in the score; 0 for a hard criterion. */
    public double weight() {
        return rule.weight();
    }

    public boolean isHard() {
        return rule.weight() == 0;
    }
}
