package io.claimbench.storage;

import org.h2.mvstore.MVStore;
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
 * keeps them as long as H2 does, 45 s (see {@link EmbeddedFileHousekeeping}, and the test of that below).
 */
class EmbeddedFileHousekeepingTest {

    private static final int COMMITS = 6000;

    @Test
    void should_keep_the_file_in_proportion_to_its_data_under_many_small_commits() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "h2-housekeeping");
        Sizes untidied = churn(dir.resolve("untidied"), false);
        Sizes tidied = churn(dir.resolve("tidied"), true);
        System.out.printf("EmbeddedFileHousekeepingTest: after %d commits the file is %d KiB untidied (%d KiB once "
                        + "shortened), %d KiB tidied (%d KiB once shortened)%n", COMMITS, untidied.atEnd() >> 10,
                untidied.shortened() >> 10, tidied.atEnd() >> 10, tidied.shortened() >> 10);
        assertThat(tidied.atEnd()).as("tidied file, bytes").isLessThan(untidied.atEnd() / 4).isLessThan(16L << 20);
        // the data: 2,000 items of about 330 bytes and 6,000 answers of about 215, some 2 MB with their indexes. Over
        // 37 runs the tidied file ended at 3.6 or 7.4 MiB (about half each), and shortened at 2.0 MiB, or at 3.6 MiB
        // when the last chunks could not be moved; a 3.6 MiB file may not shorten at all. (The untidied file does not
        // shorten: its chunks fill it.)
        assertThat(tidied.shortened()).as("tidied file shortened once idle, bytes")
                .isLessThanOrEqualTo(tidied.atEnd()).isLessThan(5L << 20);
    }

    /** A file's size when the commits stopped, and after shortening it as an idle server does. */
    private record Sizes(long atEnd, long shortened) {
    }

    @Test
    void should_keep_old_chunks_as_long_as_h2_does() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "h2-retention");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")) {
            assertThat(EmbeddedFileHousekeeping.tidy(c, 0)).isTrue();
            MVStore store = EmbeddedFileHousekeeping.store(c);
            assertThat(store.getRetentionTime()).isZero();
            assertThat(EmbeddedFileHousekeeping.tidy(c)).isTrue();
            assertThat(store.getRetentionTime()).as("ms").isEqualTo(45_000);
        }
    }

    @Test
    void should_do_nothing_for_a_database_in_memory() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:housekeeping-test")) {
            assertThat(EmbeddedFileHousekeeping.tidy(c, 0)).isFalse();
        }
    }

    /**
     * Commits one small change at a time (an update and an append, both indexed), with a round of housekeeping every
     * hundred commits when {@code tidy}; then shortens the file as an idle server does.
     */
    private static Sizes churn(Path base, boolean tidy) throws SQLException, java.io.IOException {
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
            Path file = Path.of(base + ".mv.db");
            long atEnd = Files.size(file);
            for (int round = 0; round < 100 && EmbeddedFileHousekeeping.shorten(c, 0); round++) {
                EmbeddedFileHousekeeping.tidy(c, 0);
            }
            return new Sizes(atEnd, Files.size(file));
        }
    }
}
