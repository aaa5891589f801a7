package org.citycoop.catalog.vocabulary;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Loads the vocabularies once, at start-up, so that a broken codelist stops the service from starting. */
public class VocabularyProducer {

    @Produces
    @Singleton
    @Startup
    Vocabularies vocabularies() {
        return Vocabularies.load();
    }

    @Produces
    @Singleton
    @Startup
    RegionMembers regionMembers(Vocabularies vocabularies) {
        return RegionMembers.load(vocabularies);
    }
}
