package org.citycoop.devstack;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Makes every RestAssured request of a service's {@code @QuarkusTest}s carry the secretariat admin's
 * token ({@link TestTokens#admin()}) unless the request sets its own {@code Authorization}; the value
 * {@link TestTokens#NONE} sends no {@code Authorization} at all. Registered through
 * {@code META-INF/services}; off when the test resource was given {@code defaultToken=none} (the
 * gateway's tests, where {@code Authorization} carries API keys).
 */
public class DefaultTestToken implements QuarkusTestBeforeEachCallback {

    /** System property set by {@link StackTestResource}: {@code admin} (the default) or {@code none}. */
    static final String PROPERTY = "citycoop.test.default-token";

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if ("none".equals(System.getProperty(PROPERTY, "none"))) {
            return;
        }
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof AdminUnlessSet)) {
            RestAssured.filters(new AdminUnlessSet());
        }
    }

    static final class AdminUnlessSet implements Filter {
        private String admin;

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
            String authorization = request.getHeaders().getValue("Authorization");
            if (authorization == null) {
                if (admin == null) {
                    admin = TestTokens.admin();
                }
                request.header("Authorization", "Bearer " + admin);
            } else if (TestTokens.NONE.equals(authorization)) {
                request.removeHeader("Authorization");
            }
            return context.next(request, response);
        }
    }
}
