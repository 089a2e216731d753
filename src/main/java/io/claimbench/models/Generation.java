package io.claimbench.models;

/**
 * One answer from a model, with what it cost in time and tokens. Time to first token only when streamed.
 * {@code structured}: the answer was asked for with a JSON schema and the server took the request with it.
 */
public record Generation(String text, long latencyMillis, Long firstTokenMillis, Integer tokensIn, Integer tokensOut,
                         boolean structured) {

    public Generation(String text, long latencyMillis, Long firstTokenMillis, Integer tokensIn, Integer tokensOut) {
        this(text, latencyMillis, firstTokenMillis, tokensIn, tokensOut, false);
    }


    public Generation {
        if (text == null) {
            throw new IllegalArgumentException("a generation needs text");
        }
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
    }
}
