package io.claimbench.runs;

import io.claimbench.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ItemRecordTest} on a real PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresItemRecordTest extends ItemRecordTest {
}
