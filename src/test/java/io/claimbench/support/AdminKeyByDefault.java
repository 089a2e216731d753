package io.claimbench.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

/**
 * Tests of what the API does (not of who may do it) send the test admin key with every RestAssured request; classes
 * marked {@link Anonymous} send only what they set themselves.
 */
public class AdminKeyByDefault implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        boolean anonymous = context.getTestInstance().getClass().isAnnotationPresent(Anonymous.class);
        RestAssured.requestSpecification = anonymous ? null
                : new RequestSpecBuilder().addHeader("Authorization", "Bearer " + TestKeys.ADMIN).build();
    }
}
