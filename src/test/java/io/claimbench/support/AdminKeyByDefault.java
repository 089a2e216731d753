package io.claimbench.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

import java.util.List;

/**
 * Tests of what the API does (not of who may do it) send the test admin key with every RestAssured request that
 * carries no key of its own; classes marked {@link Anonymous} send only what they set themselves. A filter, not a
 * request specification: a specification would also fix the port of the application that was running when it was made.
 */
public class AdminKeyByDefault implements QuarkusTestBeforeEachCallback {

    private static final Filter ADMIN_KEY = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization") && !request.getHeaders().hasHeaderWithName("X-API-Key")) {
            request.header("Authorization", "Bearer " + TestKeys.ADMIN);
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        boolean anonymous = context.getTestInstance().getClass().isAnnotationPresent(Anonymous.class);
        RestAssured.replaceFiltersWith(anonymous ? List.of() : List.of(ADMIN_KEY));
    }
}
