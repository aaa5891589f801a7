package org.citycoop.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway. Before Quarkus starts, it turns off the HTTP layer's own check of each request target
 * ({@code vertx.disableURIValidation}), which answers a bare 400 with no problem document and no word of what
 * is wrong: {@link org.citycoop.gateway.routing.EdgeRules} checks the same characters and more and names the
 * parameter. (Tests set the same property in the gateway's pom: they start Quarkus without this class.)
 */
@QuarkusMain
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
