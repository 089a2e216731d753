package io.claimbench.models;

import java.util.Locale;
import java.util.Set;

/**
 * The request headers that the HTTP clients set themselves, from the request's URL and body, and so never copy from
 * LangChain4j's request: both wires (Vert.x's, and the JDK's for streams, which refuses most of them) leave them out.
 */
final class ClientHeaders {

    private static final Set<String> OWN = Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

    private ClientHeaders() {
    }

    /** Whether a header of LangChain4j's request is copied onto the wire: every one but the client's own. */
    static boolean copied(String name) {
        return !OWN.contains(name.toLowerCase(Locale.ROOT));
    }
}
