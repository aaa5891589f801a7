package org.citycoop.catalog.batch;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The answer to {@code POST /v1/agencies/{agencyId}/schemes:batch}: one result per item, in order, and
 * the count of each outcome.
 */
@Schema(name = "BatchResult", description = "One result per item, in the order of the request, and counts per outcome")
public record BatchResult(int created, int updated, int unchanged, int rejected, List<BatchItemResult> items) {

    static BatchResult of(List<BatchItemResult> items) {
        return new BatchResult(count(items, BatchOutcome.CREATED), count(items, BatchOutcome.UPDATED),
                count(items, BatchOutcome.UNCHANGED), count(items, BatchOutcome.REJECTED), List.copyOf(items));
    }

    private static int count(List<BatchItemResult> items, BatchOutcome outcome) {
        return (int) items.stream().filter(item -> item.outcome() == outcome).count();
    }
}
