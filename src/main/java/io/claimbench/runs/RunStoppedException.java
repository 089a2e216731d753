package io.claimbench.runs;


/** Thrown inside a work item when its run was cancelled or stopped: the item is released, not recorded. */
final class RunStoppedException extends RuntimeException {
    RunStoppedException() {
        super("run stopped", null, false, false);
    }
}
