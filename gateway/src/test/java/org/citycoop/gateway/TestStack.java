package org.citycoop.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.citycoop.devstack.StackTestResource;

/**
 * Every @QuarkusTest of the gateway runs against a real PostgreSQL database (its API clients) and gets
 * the test JVM's signing key. {@code Authorization} carries API keys here, so no default test token.
 */
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "gateway"), @ResourceArg(name = "defaultToken", value = "none")})
public class TestStack {
}
