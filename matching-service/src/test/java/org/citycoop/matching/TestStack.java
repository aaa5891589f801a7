package org.citycoop.matching;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.citycoop.devstack.StackTestResource;

/** Every @QuarkusTest of this service runs against a real PostgreSQL database and Kafka broker. */
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "matching"))
public class TestStack {
}
