package io.claimbench.models;

/**
 * A model that answers one request at a time; concurrency limits, retries and caching are the caller's.
 * Implementations throw {@link EndpointException} and nothing else.
 */
public interface ChatEndpoint {

    Generation generate(GenerationRequest request);

    /** The call within {@code permit}: held around the whole call unless the endpoint takes it nearer the wire. */
    default Generation generate(GenerationRequest request, CallPermit permit) throws InterruptedException {
        try (CallPermit.Held ignored = permit.acquire()) {
            return generate(request);
        }
    }
}
