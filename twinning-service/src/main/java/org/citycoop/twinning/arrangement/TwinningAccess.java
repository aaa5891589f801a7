package org.citycoop.twinning.arrangement;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.citycoop.platform.security.Caller;

import java.util.Collection;

/**
 * Who may propose and change a twinning arrangement (OWASP API Security Top 10 2023, API1 object-level
 * authorization): the secretariat admin, and a city editor bound to one of its cities (403 naming the field
 * otherwise; arrangements are public to read). The caller's name is recorded as who made each change.
 */
@RequestScoped
public class TwinningAccess {

    /** The kind of binding that lets a city editor act for a city. */
    static final String CITY = "city";

    @Inject
    Caller caller;

    /** The name recorded with each change (the token's subject). */
    public String changedBy() {
        return caller.name();
    }

    /** Passes when the caller may propose an arrangement between these cities; else 403 naming {@code cities}. */
    public void requireMayPropose(Collection<String> cityIds) {
        caller.requireAnyBound(CITY, cityIds, "cities");
    }

    /** Passes when the caller may change {@code arrangement}; else 403 naming {@code id}. */
    public void requireMayChange(TwinningArrangement arrangement) {
        caller.requireAnyBound(CITY, arrangement.cities().stream().map(Participant::cityId).toList(), "id");
    }
}
