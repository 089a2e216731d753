package io.claimbench.api;

import io.claimbench.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link IdenticalAnswersTest} on a real PostgreSQL: 8 calls in flight, no judge call for identical pairs, no collision. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresIdenticalAnswersTest extends IdenticalAnswersTest {

    @Override
    long seed() {
        return 8001;
    }
}
