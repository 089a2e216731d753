package io.claimbench.runs;


/** What became of one judge call: a verdict or grade was read, the answer held none, or the call failed. */
public enum GameOutcome {
    SCORED, UNSCORED, ERROR
}
