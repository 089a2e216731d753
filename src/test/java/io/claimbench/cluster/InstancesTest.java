package io.claimbench.cluster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heartbeat in the database: renewed, who is alive, rows long dead removed. In an application of its own that joins
 * no run at a heartbeat, so that the heartbeats made here start no run another test left behind.
 */
@QuarkusTest
@TestProfile(InstancesTest.OwnRunsOnly.class)
class InstancesTest {

    public static class OwnRunsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimbench.runs.resume-on-start", "false");
        }
    }

    @Inject
    Instances instances;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @AfterEach
    void cleanUp() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from app_instance where id like 'multi-%'").executeUpdate());
        instances.tick();
    }

    @Test
    void should_count_as_alive_only_the_instances_whose_heartbeat_has_not_expired() {
        Instant now = Instant.now(clock);
        Duration expiry = instances.expiry();
        insert("multi-peer", now);
        insert("multi-expired", now.minus(expiry).minusSeconds(1));
        insert("multi-long-dead", now.minus(expiry.multipliedBy(11)));

        instances.tick();

        assertThat(instances.live()).containsExactlyElementsOf(
                java.util.stream.Stream.of(instances.id(), "multi-peer").sorted().toList());
        assertThat(instances.share(8)).isEqualTo(4);
        assertThat(ids()).contains(instances.id(), "multi-peer", "multi-expired").doesNotContain("multi-long-dead");
        Instant beat = QuarkusTransaction.requiringNew().call(() -> (Instant) em.createNativeQuery(
                "select heartbeat_at from app_instance where id = ?1", Instant.class).setParameter(1, instances.id()).getSingleResult());
        assertThat(beat).isAfterOrEqualTo(now.minusSeconds(1));
    }

    @Test
    void should_write_its_row_again_when_it_was_removed_as_dead() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from app_instance where id = ?1")
                .setParameter(1, instances.id()).executeUpdate());
        instances.tick();
        assertThat(ids()).contains(instances.id());
        assertThat(instances.share(8)).isEqualTo(8);
    }

    private void insert(String id, Instant beat) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "insert into app_instance (id, name, started_at, heartbeat_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, id).setParameter(3, beat).setParameter(4, beat).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<String> ids() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select id from app_instance", String.class).getResultList());
    }
}
