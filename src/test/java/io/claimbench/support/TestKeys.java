package io.claimbench.support;

/** The test profile's API keys, one per role (their SHA-256 is in application.properties, under %test). */
public final class TestKeys {

    public static final String ADMIN = "cb_test-admin-key-for-the-test-suite-only";
    public static final String RUNNER = "cb_test-runner-key-for-the-test-suite-only";
    public static final String READER = "cb_test-reader-key-for-the-test-suite-only";
    public static final String VOTER = "cb_test-voter-key-for-the-test-suite-only";

    private TestKeys() {
    }
}
