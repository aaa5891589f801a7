package org.citycoop.catalog.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a scheme's application window runs. */
@Schema(description = "FIXED: one window with a deadline (opens optional). ROLLING: applications at any time, no dates. "
        + "ANNUAL: opens and deadline give one year's occurrence; the window recurs every year on the same dates.")
public enum WindowKind {
    /** One window; needs a deadline, may have an opening time. */
    FIXED,
    /** Applications accepted at any time; no dates. */
    ROLLING,
    /** A yearly window: opens and deadline of one year's occurrence, repeated each year. */
    ANNUAL
}
