package io.claimbench.api;

/**
 * Numeric query parameters, read here rather than by the framework, which answers a value that does not convert
 * ({@code size=2.5}) with a bare 404: a bad number is a 400 naming its parameter.
 */
final class QueryNumbers {

    private QueryNumbers() {
    }

    static int integer(String field, String value, int min, int max) {
        long n = whole(field, value);
        if (n < min || n > max) {
            throw new ApiInputException(400, field, field + " must be between " + min + " and " + max);
        }
        return (int) n;
    }

    static long whole(String field, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ApiInputException(400, field, field + " must be a whole number; was '"
                    + ProblemMappers.shorten(value, 20) + "'");
        }
    }
}
