package org.citycoop.platform.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The list envelope of every collection: {@code { "items": [...], "next": "/v1/...&cursor=..." }};
 * {@code next} is absent on the last page. {@code total} is given where it is cheap to count.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(
        List<T> items,
        @Schema(description = "Relative URL of the next page (same filters, opaque cursor); absent on the last page")
        String next,
        @Schema(description = "Number of items matching the filters, when cheap to count")
        Long total) {

    public static <T> Page<T> of(List<T> items, String next) {
        return new Page<>(items, next, null);
    }
}
