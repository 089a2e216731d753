package io.claimbench.web;

/** A page that cannot be shown, with the status and the message the error page gives the person. */
public class PageException extends RuntimeException {

    private final int status;

    public PageException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
