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
