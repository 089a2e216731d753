package io.claimbench.cluster;

import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Transactions that no two instances on the database run at the same time, for work that reads what is there and then
 * writes what is missing (so that two at once would insert the same rows). On PostgreSQL the transaction first takes
 * a transaction-level advisory lock ({@code pg_advisory_xact_lock}), which the database releases at its commit or
 * rollback; whoever comes second waits, then sees what the first committed. The embedded H2 has one process (it holds
 * the database file), so a lock in this process does the same.
 */
@ApplicationScoped
public class ExclusiveTransactions {

    /** What a lock keeps apart; its key is the same in every instance and every version. */
    public enum Lock {
        /** Indexing the catalog's eval sets and prompt versions. */
        CATALOG_INDEX(1);

        /** "ClaimBen" as a number, so that the keys cannot meet another application's on a shared database. */
        private static final long NAMESPACE = 0x436c61696d42656eL;

        private final long key;

        Lock(int id) {
            this.key = NAMESPACE ^ id;
        }

        long key() {
            return key;
        }
    }

    private final EntityManager em;
    private final boolean postgres;
    private final Map<Lock, ReentrantLock> local = new EnumMap<>(Lock.class);

    public ExclusiveTransactions(EntityManager em, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.em = em;
        this.postgres = DatabaseKind.isPostgreSQL(dbKind);
        for (Lock l : Lock.values()) {
            local.put(l, new ReentrantLock());
        }
    }

    /** Runs {@code work} in a new transaction that holds {@code lock} from its start to its end. */
    public void run(Lock lock, Runnable work) {
        call(lock, () -> {
            work.run();
            return null;
        });
    }

    /** {@link #run} for work with a result. */
    public <T> T call(Lock lock, Supplier<T> work) {
        if (postgres) {
            return QuarkusTransaction.requiringNew().call(() -> {
                advisoryLock(lock.key());
                return work.get();
            });
        }
        ReentrantLock l = local.get(lock);
        l.lock();
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } finally {
            l.unlock();
        }
    }

    private void advisoryLock(long key) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                ps.setLong(1, key);
                ps.execute();
            }
        });
    }
}
