package org.citycoop.matching.scoring.criteria;

import org.citycoop.matching.scoring.PreparedProfile;
import org.citycoop.matching.scoring.PreparedScheme;

/**
 * How a hard criterion pre-filters in the read-model index: the index files each scheme under its keys (fewer than
 * 64, as bits), and a match reads only the schemes filed under the keys of the profile. A scheme filed under none of
 * them must fail the criterion.
 */
public interface IndexKey {

    /** How many keys there are (at most 64); keys are numbered from 0. */
    int size();

    /** The keys the scheme is filed under, as bits. */
    long of(PreparedScheme scheme);

    /** The keys under which every scheme that may pass for the profile is filed, as bits. */
    long of(PreparedProfile profile);
}
