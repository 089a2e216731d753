package io.claimbench.runs;


/** Where a run is. The last four are final. */
public enum RunState {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED, STOPPED;

    public boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }
}
