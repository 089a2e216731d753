package io.claimbench.models;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up rehearsal of an OpenAI call goes through LangChain4j's whole request and response handling, with and
 * without a schema, and sends nothing: a model configured at a live endpoint gets no request from it.
 */
class ClientRehearsalTest {

    @RegisterExtension
    static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void readsItsOwnAnswerBackAndSendsNothing() {
        ModelSpec configured = new ModelSpec("judge", Provider.OPENAI, WM.baseUrl() + "/v1", "judge-model", "sk-live",
                null, 0.0, 64, Duration.ofSeconds(5), 4, null, null, null, null, false, "test", StructuredOutput.AUTO);

        List<Generation> answers = ClientRehearsal.openAi(configured);

        assertThat(answers).extracting(Generation::text).containsOnly("{\"verdict\": \"A\", \"rationale\": \"-\"}");
        assertThat(answers).extracting(Generation::structured).containsExactly(false, true);
        assertThat(answers).extracting(Generation::tokensIn).containsOnly(1);
        assertThat(WM.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
