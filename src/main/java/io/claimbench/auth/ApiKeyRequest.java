package io.claimbench.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A ClaimBench API key presented by a caller, to be checked by {@link ApiKeyIdentityProvider}. */
public final class ApiKeyRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyRequest[***]";
    }
}
