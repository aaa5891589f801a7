package org.citycoop.catalog.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a scheme stands now; derived from its window and the current time, never stored. */
@Schema(description = "Derived at the time of the response: FORECASTED (not yet open), OPEN, CLOSED (deadline passed, or "
        + "superseded), WITHDRAWN (withdrawn by the agency)")
public enum SchemeStatus {
    FORECASTED,
    OPEN,
    CLOSED,
    WITHDRAWN
}
