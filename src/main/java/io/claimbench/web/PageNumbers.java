package io.claimbench.web;

/** Page numbers from the query string: a bad one is a 400 page, not a stack trace. */
final class PageNumbers {

    private PageNumbers() {
    }

    static int page(String value) {
        try {
            int p = Integer.parseInt(value.trim());
            if (p >= 0 && p < 1_000_000) {
                return p;
            }
        } catch (NumberFormatException e) {
            // falls through to the error page
        }
        throw new PageException(400, "page must be a whole number from 0");
    }
}
