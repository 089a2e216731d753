package io.claimbench.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PositionBiasTest {

    @Test
    void should_measure_consistency_and_first_position_wins_on_a_hand_case() {
        List<PositionBias.SwappedPair> pairs = List.of(
                new PositionBias.SwappedPair(1, -1),  // candidate better both times: consistent
                new PositionBias.SwappedPair(1, 1),   // first position wins both times: inconsistent
                new PositionBias.SwappedPair(0, 0),   // tie both times: consistent
                new PositionBias.SwappedPair(-2, 2)); // baseline better both times: consistent
        PositionBias b = PositionBias.of(pairs);
        assertThat(b.pairs()).isEqualTo(4);
        assertThat(b.consistency()).isCloseTo(0.75, within(1e-12));
        // decisive games: 1, -1, 1, 1, -2, 2 -> first position won 4 of 6
        assertThat(b.decisiveGames()).isEqualTo(6);
        assertThat(b.firstPositionWinRate()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(b.firstPositionInterval().contains(0.5)).isTrue();
        assertThat(PositionBias.of(List.of()).consistency()).isNull();
    }
}
