package io.claimbench.runs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's slots: calls hold one, recording gives it to the next item, and what waits to be recorded is bounded. */
class ItemSlotsTest {

    @Test
    void should_free_a_slot_for_the_next_item_when_an_item_is_done_calling() {
        ItemSlots slots = new ItemSlots();
        ItemSlots.Slot a = slots.take();
        ItemSlots.Slot b = slots.take();
        assertThat(slots.free(2, true)).isZero();
        a.callsDone();
        assertThat(slots.free(2, true)).isEqualTo(1);
        assertThat(slots.idle()).as("a still waits to be recorded").isFalse();
        a.close();
        b.close();
        assertThat(slots.idle()).isTrue();
        assertThat(slots.free(2, true)).isEqualTo(2);
    }

    @Test
    void should_count_a_slot_once_however_often_it_is_closed_or_done() {
        ItemSlots slots = new ItemSlots();
        ItemSlots.Slot a = slots.take();
        a.callsDone();
        a.callsDone();
        a.close();
        a.close();
        a.callsDone();
        assertThat(slots.idle()).isTrue();
        assertThat(slots.free(1, true)).isEqualTo(1);
    }

    @Test
    void should_hold_new_items_back_when_too_many_wait_to_be_recorded() {
        ItemSlots slots = new ItemSlots();
        List<ItemSlots.Slot> recording = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // the share's worth
            ItemSlots.Slot s = slots.take();
            s.callsDone();
            recording.add(s);
        }
        assertThat(slots.recordingFull(3)).isTrue();
        assertThat(slots.free(3, true)).as("a slow database holds the run up").isZero();
        recording.getFirst().close();
        assertThat(slots.recordingFull(3)).isFalse();
        assertThat(slots.free(3, true)).isEqualTo(3);
    }
}
