package io.claimbench.catalog;

import io.claimbench.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link CatalogRaceTest} on a real PostgreSQL: each instance's transaction has a connection of its own and sees only
 * what the others committed, and nothing in this process keeps them apart (on PostgreSQL the lock is the database's
 * advisory lock). Without it, all but one failed with {@code duplicate key value violates unique constraint
 * "eval_set_pkey"}.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresCatalogRaceTest extends CatalogRaceTest {
}
