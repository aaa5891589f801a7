package org.citycoop.matching.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the best {@code n} of a stream of items by an order (best first), in memory proportional to {@code n},
 * so that ranking many candidate schemes does not hold them all.
 *
 * @param <T> the items
 */
public final class TopN<T> {

    private final int n;
    private final Comparator<? super T> order;
    private final PriorityQueue<T> worstFirst;

    /**
     * @param n how many to keep, at least 1
     * @param order best first
     */
    public TopN(int n, Comparator<? super T> order) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        this.n = n;
        this.order = order;
        this.worstFirst = new PriorityQueue<>(n + 1, order.reversed());
    }

    /** Keeps the item when it is among the best {@code n} so far; one comparison when it is not. */
    public void offer(T item) {
        if (worstFirst.size() == n && order.compare(item, worstFirst.peek()) >= 0) {
            return; // not better than the worst kept
        }
        worstFirst.add(item);
        if (worstFirst.size() > n) {
            worstFirst.poll();
        }
    }

    /**
     * The worst item kept when {@code n} are kept (a candidate that is not better need not be offered, nor made);
     * null while fewer are kept.
     */
    public T worstKept() {
        return worstFirst.size() == n ? worstFirst.peek() : null;
    }

    /** The items kept, best first. */
    public List<T> best() {
        List<T> best = new ArrayList<>(worstFirst);
        best.sort(order);
        return best;
    }
}
