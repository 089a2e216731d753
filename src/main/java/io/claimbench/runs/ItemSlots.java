package io.claimbench.runs;

/**
 * The slots of one executing run on this instance. An item takes a slot while its calls are in flight; once its calls
 * are done it may give the slot to the next item while it waits to be recorded (when the recorder lingers to commit
 * many items together, see {@code claimbench.runs.record-linger}), so that the wait costs the endpoints no
 * concurrency. As many items may wait to be recorded as may call (the run's share of slots): when they are all
 * waiting, the coordinator has the recorder commit them at once, and a slow database holds the run up instead of
 * filling memory. So a process killed mid-run loses at most twice its share: the items calling and those waiting.
 */
final class ItemSlots {

    private int calling;
    private int recording;

    /** One item's hold: calling, then (after {@link #callsDone}) recording, until {@link #close}. */
    final class Slot implements AutoCloseable {
        private boolean callsDone;
        private boolean closed;

        /** The item's calls are over: its slot goes to the next item while it is recorded. */
        void callsDone() {
            synchronized (ItemSlots.this) {
                if (!callsDone && !closed) {
                    callsDone = true;
                    calling--;
                    recording++;
                    ItemSlots.this.notifyAll();
                }
            }
        }

        @Override
        public void close() {
            synchronized (ItemSlots.this) {
                if (closed) {
                    return;
                }
                closed = true;
                if (callsDone) {
                    recording--;
                } else {
                    calling--;
                }
                ItemSlots.this.notifyAll();
            }
        }
    }

    synchronized Slot take() {
        calling++;
        return new Slot();
    }

    /**
     * How many items may start now with {@code share} slots; when none may, waits once (at most a second, so that a
     * cancel made elsewhere is seen) for a slot to free up, unless the run has stopped.
     */
    synchronized int free(int share, boolean stopped) {
        if (full(share) && !stopped) {
            waitFor(1000);
        }
        return full(share) ? 0 : share - calling;
    }

    private boolean full(int share) {
        return calling >= share || recordingFull(share);
    }

    /** As many items wait to be recorded as the share allows: the recorder should not wait for more. */
    synchronized boolean recordingFull(int share) {
        return recording >= share;
    }

    /** No item of the run is calling or waiting to be recorded here. */
    synchronized boolean idle() {
        return calling == 0 && recording == 0;
    }

    /** Waits until a slot frees up or {@code millis} pass. */
    synchronized void pause(long millis) {
        waitFor(millis);
    }

    /** Waits until every item here is recorded or given back. */
    synchronized void awaitIdle() {
        while (!idle()) {
            if (!waitFor(1000)) {
                return;
            }
        }
    }

    /** False when interrupted (the interrupt is kept). */
    private boolean waitFor(long millis) {
        try {
            wait(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
