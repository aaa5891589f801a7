package org.citycoop.twinning.paging;

/**
 * The {@code limit} query parameter of lists: a whole number from 1 to 100, default 20 (docs/CONVENTIONS.md).
 * Resources take it as text checked by {@link #PATTERN}, so that {@code limit=many} is a 422 problem naming
 * {@code limit} rather than the 404 JAX-RS gives a query parameter it cannot convert.
 */
public final class PageSize {

    /** 1 to 100, no sign, no leading zero. */
    public static final String PATTERN = "100|[1-9][0-9]?";
    public static final String MESSAGE = "must be a whole number from 1 to 100";

    private PageSize() {
    }

    /** The page size of a {@code limit} that matched {@link #PATTERN}. */
    public static int of(String limit) {
        return Integer.parseInt(limit);
    }
}
