package org.citycoop.platform.vocabulary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the shipped IATI Sector codelist injectable; it is read once. */
@ApplicationScoped
public class SectorCodelistProducer {

    @Produces
    @Singleton
    SectorCodelist sectorCodelist() {
        return SectorCodelist.shipped();
    }
}
