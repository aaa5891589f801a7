package org.citycoop.finder;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.citycoop.finder.fit.FitView;
import org.citycoop.finder.scheme.AgencyViews;
import org.citycoop.finder.scheme.SchemeViews;
import org.citycoop.finder.search.SearchView;
import org.citycoop.finder.web.Page;

import java.util.List;

/** The finder's pages ({@code src/main/resources/templates/}), checked against these types when the finder is built. */
@CheckedTemplate
public final class Templates {

    private Templates() {
    }

    public static native TemplateInstance search(Page page, SearchView view);

    public static native TemplateInstance scheme(Page page, SchemeViews.Detail scheme, String agencyId, String backUrl);

    public static native TemplateInstance agencies(Page page, List<AgencyViews.AgencySummary> agencies);

    public static native TemplateInstance agency(Page page, AgencyViews.AgencySummary agency, List<SchemeViews.Detail> schemes);

    public static native TemplateInstance fit(Page page, FitView view);

    public static native TemplateInstance cityOptions(List<FitView.CityOption> cities);

    public static native TemplateInstance embed(Page page, String frameUrl, String scriptUrl);

    public static native TemplateInstance problem(Page page, String heading, String text);
}
