package io.claimbench.storage;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded file under a stream of small commits, as a run makes them ({@code WRITE_DELAY=0}: every commit is
 * stored at once, and H2 runs no housekeeping of its own): without housekeeping it grows by what every commit writes;
 * with it, it stays in proportion to the data. The test commits far faster than a run does (thousands a second), so
 * its housekeeping keeps no old chunks ({@code retentionMillis} 0) for chunks to be freed within the test; the product
 * keeps them five rounds, and at least 5 s ({@link EmbeddedFileHousekeeping#retentionMillis}).
 */
class EmbeddedFileHousekeepingTest {

    private static final int COMMITS = 6000;

    @Test
    void should_keep_the_file_in_proportion_to_its_data_under_many_small_commits() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "h2-housekeeping");
        long untidied = churn(dir.resolve("untidied"), false, false);
        long tidied = churn(dir.resolve("tidied"), true, false);
        long shortened = churn(dir.resolve("shortened"), true, true);
        System.out.printf("EmbeddedFileHousekeepingTest: after %d commits the file is %d KiB untidied, %d KiB tidied, "
                + "%d KiB shortened once the commits stopped%n", COMMITS, untidied >> 10, tidied >> 10, shortened >> 10);
        assertThat(tidied).as("tidied file, bytes").isLessThan(untidied / 4).isLessThan(16L << 20);
        // the data: 2,000 items of about 330 bytes and 6,000 answers of about 215, some 2 MB with their indexes; the
        // file ends at about 2.0 MiB, or 3.6-4.0 MiB when the last chunks cannot be moved (over 140 runs of this churn)
        assertThat(shortened).as("file shortened once idle, bytes").isLessThan(tidied * 3 / 4).isLessThan(5L << 20);
    }

    @Test
    void should_keep_old_chunks_five_rounds_and_at_least_five_seconds() {
        assertThat(EmbeddedFileHousekeeping.retentionMillis(java.time.Duration.ofSeconds(1))).isEqualTo(5000);
        assertThat(EmbeddedFileHousekeeping.retentionMillis(java.time.Duration.ofSeconds(3))).isEqualTo(15000);
    }

    @Test
    void should_do_nothing_for_a_database_in_memory() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:housekeeping-test")) {
            assertThat(EmbeddedFileHousekeeping.tidy(c, 0)).isFalse();
        }
    }

    /**
     * Commits one small change at a time (an update and an append, both indexed); returns the file's size, after
     * shortening it as an idle server does when {@code shorten}.
     */
    private static long churn(Path base, boolean tidy, boolean shorten) throws SQLException, java.io.IOException {
        String url = "jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        Random random = new Random(16001);
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("create table item (id bigint primary key, state varchar(16), body varchar(400))");
                s.execute("create index item_state on item (state, id)");
                s.execute("create table answer (id bigint auto_increment primary key, item_id bigint, text varchar(400))");
                s.execute("insert into item select x, 'PENDING', repeat('x', 300) from system_range(1, 2000)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement("update item set state = ? where id = ?");
                 PreparedStatement append = c.prepareStatement("insert into answer (item_id, text) values (?, ?)")) {
                for (int i = 0; i < COMMITS; i++) {
                    long id = 1 + random.nextInt(2000);
                    update.setString(1, i % 2 == 0 ? "CLAIMED" : "DONE");
                    update.setLong(2, id);
                    update.executeUpdate();
                    append.setLong(1, id);
                    append.setString(2, "answer " + i + " " + "y".repeat(200));
                    append.executeUpdate();
                    c.commit();
                    if (tidy && i % 100 == 0) {
                        assertThat(EmbeddedFileHousekeeping.tidy(c, 0)).isTrue();
                    }
                }
            }
            for (int round = 0; shorten && round < 100 && EmbeddedFileHousekeeping.shorten(c, 0); round++) {
                EmbeddedFileHousekeeping.tidy(c, 0);
            }
            return Files.size(Path.of(base + ".mv.db"));
        }
    }
}
