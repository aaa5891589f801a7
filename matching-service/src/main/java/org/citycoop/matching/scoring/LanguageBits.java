package org.citycoop.matching.scoring;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Primary language subtags ({@link SchemeLanguages#primary}) as bits of a {@code long}, so that the language
 * criterion ({@link org.citycoop.matching.scoring.criteria.LanguageCriterion}) compares two numbers instead of looking strings up in sets. The first 63
 * subtags met (by schemes or profiles) get a bit each, for the life of the process; any later one shares
 * {@link #OTHER}, for which the caller compares the subtags themselves. The registry is bounded, so that
 * requests naming made-up languages cannot grow it.
 */
public final class LanguageBits {

    /** The bit of every subtag beyond the first 63: its holders must be compared by their subtags. */
    public static final long OTHER = 1L << 63;

    private static final ConcurrentHashMap<String, Integer> ORDINALS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private LanguageBits() {
    }

    /** The bits of these primary subtags. */
    public static long of(Collection<String> primaries) {
        long bits = 0;
        for (String primary : primaries) {
            bits |= bit(primary);
        }
        return bits;
    }

    private static long bit(String primary) {
        Integer ordinal = ORDINALS.get(primary);
        if (ordinal == null && ORDINALS.size() < 63) {
            ordinal = ORDINALS.computeIfAbsent(primary, any -> NEXT.getAndIncrement());
        }
        return ordinal == null || ordinal >= 63 ? OTHER : 1L << ordinal;
    }
}
