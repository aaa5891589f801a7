package org.citycoop.matching.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness ({@code /q/health/ready}): DOWN until the read model has been loaded into memory
 * ({@link ReadModelIndexer#load}); then UP with the number of schemes, agencies and arrangements held.
 */
@Readiness
@ApplicationScoped
public class ReadModelIndexHealth implements HealthCheck {

    @Inject
    ReadModelIndexer indexer;

    @Inject
    ReadModelIndex index;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("matching read-model index").status(indexer.loaded())
                .withData("schemes", index.schemeCount())
                .withData("agencies", index.agencyCount())
                .withData("arrangements", index.arrangementCount())
                .build();
    }
}
