package io.claimbench.api;

/** A 4xx answer with the field at fault, mapped to problem+json. */
public class ApiInputException extends RuntimeException {

    private final int status;
    private final String field;

    public ApiInputException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** A 400 from a message of the form "field: what is wrong". */
    public static ApiInputException ofFieldMessage(String message) {
        int colon = message.indexOf(':');
        return new ApiInputException(400, colon > 0 ? message.substring(0, colon) : null, message);
    }

    public static ApiInputException notFound(String what) {
        return new ApiInputException(404, null, what);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
