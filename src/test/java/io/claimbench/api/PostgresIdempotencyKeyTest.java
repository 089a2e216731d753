package io.claimbench.api;

import io.claimbench.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link IdempotencyKeyTest} on a real PostgreSQL, where the key is taken with {@code ON CONFLICT DO NOTHING}. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresIdempotencyKeyTest extends IdempotencyKeyTest {

    @Override
    long seeds() {
        return 8221;
    }
}
