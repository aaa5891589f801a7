package org.citycoop.platform.paging;

import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset list, read with one row more than asked ({@link #fetch}): the row beyond the page says there
 * is a next page, whose {@link Cursor} is the sort key of the page's last item.
 *
 * <pre>{@code
 * int size = QueryParams.limit(limit);
 * Keyset<Need> found = Keyset.of(needs.page(after, Keyset.fetch(size)), size,
 *         last -> List.of(last.createdAt().toInstant().toString(), last.id().toString()));
 * return found.page(uri);
 * }</pre>
 *
 * @param items at most the page size of items, in the list's order
 * @param cursor the cursor of the next page, or null on the last page
 */
public record Keyset<T>(List<T> items, String cursor) {

    /** How many rows to read for a page of {@code limit} items: one more, to learn whether a next page exists. */
    public static int fetch(int limit) {
        return limit + 1;
    }

    /**
     * The page in {@code rows}.
     *
     * @param rows the rows read after the previous page's key, in the list's order; at most {@code fetch(limit)} of
     *     them are looked at
     * @param limit the page size
     * @param sortKey the values of an item's cursor (its sort key, with a mark of the list where the list has one)
     */
    public static <T> Keyset<T> of(List<T> rows, int limit, Function<? super T, List<String>> sortKey) {
        if (rows.size() <= limit) {
            return new Keyset<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Keyset<>(items, Cursor.encode(sortKey.apply(items.get(items.size() - 1))));
    }

    /** The list envelope, {@code next} being this request's URL with the cursor of the next page. */
    public Page<T> page(UriInfo uri) {
        return page(uri, Function.identity());
    }

    /** The list envelope of the items as {@code view} shows them. */
    public <R> Page<R> page(UriInfo uri, Function<? super T, ? extends R> view) {
        return Page.of(items.stream().<R>map(view).toList(), cursor == null ? null : Cursor.nextLink(uri, cursor));
    }
}
