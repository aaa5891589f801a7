package org.citycoop.matching.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the {@code trackRecord} criterion finds an agency's track record: the read-model index in the service,
 * {@link #NONE} where no IATI activity is known.
 */
@FunctionalInterface
public interface TrackRecords {

    /** No IATI activity of any agency is known. */
    TrackRecords NONE = (agencyId, country, sectors) -> TrackRecord.unknown(agencyId, country, sectors);

    /** The agency's track record in the country and sectors (empty: any sector). */
    TrackRecord of(String agencyId, String country, List<String> sectors);

    /** The same track records, each computed once (ranking asks for one agency's again and again). Not thread-safe. */
    default TrackRecords memoized() {
        Map<String, TrackRecord> held = new HashMap<>();
        return (agencyId, country, sectors) -> held.computeIfAbsent(agencyId + '|' + country + '|' + String.join(",", sectors),
                key -> of(agencyId, country, sectors));
    }
}
