package io.claimbench.runs;

import io.claimbench.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link AnswerCacheConcurrencyTest} on a real PostgreSQL, where the insert is {@code ON CONFLICT DO NOTHING}. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresAnswerCacheConcurrencyTest extends AnswerCacheConcurrencyTest {
}
