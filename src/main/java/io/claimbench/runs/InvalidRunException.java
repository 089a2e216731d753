package io.claimbench.runs;


/** A run request that cannot be run, naming the field at fault. */
public class InvalidRunException extends RuntimeException {

    private final String field;
    private final boolean notFound;

    public InvalidRunException(String field, String message, boolean notFound) {
        super(message);
        this.field = field;
        this.notFound = notFound;
    }

    public String field() {
        return field;
    }

    /** The field names something that does not exist (an eval set, a model), as opposed to a bad value. */
    public boolean notFound() {
        return notFound;
    }
}
