package io.claimbench.models;

/**
 * A model that answers one request at a time; concurrency limits, retries and caching are the caller's.
 * Implementations throw {@link EndpointException} and nothing else.
 */
public interface ChatEndpoint {

    Generation generate(GenerationRequest request);
}
