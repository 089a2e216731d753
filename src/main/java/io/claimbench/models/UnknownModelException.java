package io.claimbench.models;

/** A model reference that names no configured model and is no valid provider:model shorthand. */
public class UnknownModelException extends RuntimeException {
    public UnknownModelException(String message) {
        super(message);
    }
}
