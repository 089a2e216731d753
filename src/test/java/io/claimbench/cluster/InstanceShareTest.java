package io.claimbench.cluster;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A limit shared out by the number of live instances; the instance id kept per data folder. */
class InstanceShareTest {

    @Test
    void should_share_a_limit_so_that_the_shares_add_up_to_it() {
        assertThat(IntStream.range(0, 3).map(r -> Instances.share(8, 3, r)).toArray()).containsExactly(3, 3, 2);
        assertThat(IntStream.range(0, 2).map(r -> Instances.share(8, 2, r)).toArray()).containsExactly(4, 4);
        assertThat(Instances.share(8, 1, 0)).isEqualTo(8);
        for (int limit = 1; limit <= 50; limit++) {
            for (int n = 1; n <= limit; n++) {
                int l = limit;
                int k = n;
                assertThat(IntStream.range(0, n).map(r -> Instances.share(l, k, r)).sum()).as("%d over %d", limit, n).isEqualTo(limit);
            }
        }
    }

    @Test
    void should_give_every_instance_one_when_there_are_more_instances_than_the_limit() {
        assertThat(IntStream.range(0, 5).map(r -> Instances.share(2, 5, r)).toArray()).containsOnly(1);
    }

    @Test
    void should_keep_the_id_of_a_data_folder_and_give_a_second_process_on_it_an_id_of_its_own() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "instance-id");
        String first;
        try (InstanceIdentity a = InstanceIdentity.of(dir.resolve("data"))) {
            assertThat(a.kept()).isTrue();
            first = a.id();
            try (InstanceIdentity b = InstanceIdentity.of(dir.resolve("data"))) {
                assertThat(b.kept()).isFalse();
                assertThat(b.id()).isNotEqualTo(first);
            }
        }
        try (InstanceIdentity again = InstanceIdentity.of(dir.resolve("data"))) {
            assertThat(again.kept()).isTrue();
            assertThat(again.id()).isEqualTo(first);
        }
        assertThat(Files.readString(dir.resolve("data").resolve(InstanceIdentity.FILE)).trim()).isEqualTo(first);
    }
}
