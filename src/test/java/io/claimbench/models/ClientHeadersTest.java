package io.claimbench.models;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientHeadersTest {

    @Test
    void should_copy_the_providers_headers_and_leave_out_those_the_client_sets_in_any_case() {
        for (String name : new String[]{"Authorization", "Content-Type", "x-api-key", "anthropic-version", "Accept", "User-Agent"}) {
            assertThat(ClientHeaders.copied(name)).as(name).isTrue();
        }
        for (String name : new String[]{"Host", "CONTENT-LENGTH", "Transfer-Encoding", "connection", "Expect", "Upgrade"}) {
            assertThat(ClientHeaders.copied(name)).as(name).isFalse();
        }
    }
}
