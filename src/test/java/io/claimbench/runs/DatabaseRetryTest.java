package io.claimbench.runs;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseRetryTest {

    @Test
    void should_take_connection_errors_for_an_outage_and_nothing_else() {
        assertThat(DatabaseRetry.lostConnection(wrapped(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseRetry.lostConnection(wrapped(new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseRetry.lostConnection(wrapped(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(DatabaseRetry.lostConnection(wrapped(new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException())))).isTrue();
        assertThat(DatabaseRetry.lostConnection(new JDBCConnectionException("closed", new SQLException("closed")))).isTrue();
        RuntimeException suppressing = new IllegalStateException("commit failed");
        suppressing.addSuppressed(new SQLException("I/O error", "08006"));
        assertThat(DatabaseRetry.lostConnection(suppressing)).isTrue();

        assertThat(DatabaseRetry.lostConnection(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseRetry.lostConnection(new ConstraintViolationException("dup", new SQLException("dup", "23505"), "pk"))).isFalse();
        assertThat(DatabaseRetry.lostConnection(new IllegalArgumentException("bad"))).isFalse();
        assertThat(DatabaseRetry.lostConnection(new DatabaseRetry.DatabaseUnavailableException("x", Duration.ZERO,
                wrapped(new SQLException("refused", "08001"))))).as("given up on already").isFalse();
    }

    @Test
    void should_retry_until_the_database_answers() {
        DatabaseRetry retry = new DatabaseRetry(config(Duration.ofMinutes(1), Duration.ofMillis(20)));
        AtomicInteger attempts = new AtomicInteger();
        String result = retry.call("reading", () -> {
            if (attempts.incrementAndGet() < 4) {
                throw wrapped(new SQLException("refused", "08001"));
            }
            return "answered";
        });
        assertThat(result).isEqualTo("answered");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void should_throw_other_errors_at_once() {
        DatabaseRetry retry = new DatabaseRetry(config(Duration.ofMinutes(1), Duration.ofMillis(20)));
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.call("writing", () -> {
            attempts.incrementAndGet();
            throw wrapped(new SQLException("duplicate key", "23505"));
        })).hasRootCauseMessage("duplicate key");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void should_give_up_after_the_outage_limit() {
        DatabaseRetry retry = new DatabaseRetry(config(Duration.ofMillis(150), Duration.ofMillis(20)));
        assertThatThrownBy(() -> retry.run("claiming work items", () -> {
            throw wrapped(new SQLException("refused", "08001"));
        })).isInstanceOf(DatabaseRetry.DatabaseUnavailableException.class)
                .hasMessageStartingWith("the database was unreachable for ").hasMessageEndingWith("(claiming work items)");
    }

    private static RuntimeException wrapped(SQLException e) {
        return new jakarta.persistence.PersistenceException("JDBC exception", e);
    }

    /** The two settings the retry reads; nothing else is asked of it. */
    private static RunsConfig config(Duration limit, Duration maxDelay) {
        return (RunsConfig) Proxy.newProxyInstance(RunsConfig.class.getClassLoader(), new Class<?>[]{RunsConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "databaseOutageLimit" -> limit;
                    case "databaseRetryMaxDelay" -> maxDelay;
                    case "toString" -> "test config";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
