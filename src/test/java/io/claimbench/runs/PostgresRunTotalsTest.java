package io.claimbench.runs;

import io.claimbench.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Early stopping's running sums on a real PostgreSQL: the same cases as on H2. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresRunTotalsTest extends RunTotalsTest {
}
