package io.claimbench.runs;

import io.agroal.api.AgroalDataSource;
import io.claimbench.models.Generation;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter that lets a call skip looking up a key the embedded answer cache surely does not hold. */
@QuarkusTest
class CachedKeysTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AnswerCache cache;

    @Test
    void should_say_every_key_may_be_there_until_the_stored_keys_are_read() {
        CachedKeys keys = new CachedKeys(dataSource, "h2");
        assertThat(keys.loaded()).isFalse();
        assertThat(keys.mightHold(key("never stored"))).isTrue();
    }

    @Test
    void should_know_every_stored_key_and_rule_out_nearly_all_others() {
        String stored = key("stored");
        assertThat(cache.put(stored, "generation", new Generation("an answer", 1, null, 1, 1))).isTrue();
        CachedKeys keys = new CachedKeys(dataSource, "h2");
        keys.load();
        assertThat(keys.loaded()).isTrue();
        assertThat(keys.mightHold(stored)).isTrue();
        long falsePositives = IntStream.range(0, 10_000).filter(i -> keys.mightHold(key("absent " + i))).count();
        // 7 hashes over 8 Mi bits and a few keys: next to none
        assertThat(falsePositives).isLessThan(10);
        String later = key("stored after the keys were read");
        keys.add(later);
        assertThat(keys.mightHold(later)).isTrue();
    }

    @Test
    void should_keep_a_key_noted_before_loading_even_if_its_transaction_has_not_committed_when_the_keys_are_read() {
        CachedKeys keys = new CachedKeys(dataSource, "h2");
        String inFlight = key("in flight");
        keys.add(inFlight); // its row is not in the database when load() reads
        keys.load();
        assertThat(keys.mightHold(inFlight)).isTrue();
    }

    @Test
    void should_find_through_the_cache_an_answer_stored_after_the_filter_was_loaded() {
        assertThat(cache.get(key("warm-up"))).isEmpty(); // starts the load of the application's filter
        String k = key("stored through the cache");
        assertThat(cache.get(k)).isEmpty();
        assertThat(cache.put(k, "judgment", new Generation("verdict", 2, null, 3, 4))).isTrue();
        assertThat(cache.get(k)).map(Generation::text).contains("verdict");
    }

    @Test
    void should_always_look_up_on_postgresql_where_other_instances_store_answers() {
        CachedKeys keys = new CachedKeys(dataSource, "postgresql");
        keys.load(); // not called by mightHold there; even so it is never consulted
        keys.add(key("x"));
        assertThat(keys.mightHold(key("never stored anywhere"))).isTrue();
    }

    @Test
    void should_size_the_filter_at_ten_bits_a_key_for_twice_the_keys_stored_within_bounds() {
        assertThat(CachedKeys.sizeLog2(0)).isEqualTo(23);
        assertThat(CachedKeys.sizeLog2(400_000)).isEqualTo(23); // 8 Mi bits hold 8,000,000 / 10
        assertThat(CachedKeys.sizeLog2(500_000)).isEqualTo(24);
        assertThat(CachedKeys.sizeLog2(1L << 40)).isEqualTo(27);
    }

    private static String key(String s) {
        return UUID.nameUUIDFromBytes((s + UUID.randomUUID()).getBytes()).toString().replace("-", "") + "00000000";
    }
}
