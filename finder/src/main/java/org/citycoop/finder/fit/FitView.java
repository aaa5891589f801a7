package org.citycoop.finder.fit;

import org.citycoop.finder.scheme.SchemeViews;
import org.citycoop.finder.search.SearchView;

import java.util.List;

/**
 * The "what fits my city" page: the form as filled in, notices, and once asked the ranked matches, the city's twinnings and
 * partner cities suggested for its first-priority challenge. {@code leftOutMoreUrl} shows more of the schemes left out (null
 * when all are shown).
 */
public record FitView(FitForm form, List<String> notices, String error, List<ChallengeRow> challenges, List<SearchView.Choice> applicantTypes,
        List<SearchView.Choice> supportTypes, List<SearchView.Choice> currencies, String cityValue, String cityLabel, List<MatchView> matches,
        List<MatchView> leftOut, String leftOutMoreUrl, List<TwinningView> twinnings, String partnerChallenge, List<PartnerView> partners,
        boolean answered) {

    /** A city suggested as a partner for the first challenge, its score and why. */
    public record PartnerView(String city, String score, List<MatchReasons.Reason> reasons) {
    }

    /** A challenge and the priority chosen for it (0: not needed). */
    public record ChallengeRow(String area, String label, List<PriorityChoice> priorities) {
    }

    public record PriorityChoice(int value, String label, boolean selected) {
    }

    /**
     * A match: the scheme, its score and each criterion's result with the reason ({@code open}: shown unfolded, for the
     * best few), and the criteria not met, for a scheme left out.
     */
    public record MatchView(SchemeViews.Card card, String score, boolean eligible, boolean open, List<MatchReasons.Reason> reasons,
            String failed) {
    }

    public record TwinningView(String title, String status, String cities) {
    }

    /** An option of the city type-ahead: the value the form sends and what it shows. */
    public record CityOption(String value, String label) {
    }
}
