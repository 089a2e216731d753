package io.claimbench.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A fake OpenAI-compatible server for the whole test run, and the models configured against it: each model has
 * its own path prefix so that a test can count and shape the calls each one gets.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    /** Api keys the tests check never leak. */
    public static final String CANDIDATE_KEY = "sk-test-CANDIDATEKEY-4f9a8b7c6d5e4f3a2b1c";
    public static final String UNAUTH_KEY = "sk-test-UNAUTHKEY-0a1b2c3d4e5f6a7b8c9d";

    public static final String[] MODELS = {"cand", "base", "judge", "judge2", "limited", "unauth", "slow", "flaky", "streamer", "streamer2"};

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(80).jettyAcceptors(2));
        server.start();
        Map<String, String> config = new HashMap<>();
        for (String m : MODELS) {
            String p = "claimbench.models." + m + ".";
            config.put(p + "provider", "openai");
            config.put(p + "base-url", server.baseUrl() + "/" + m + "/v1");
            config.put(p + "model", m + "-model");
            config.put(p + "api-key", m.equals("cand") ? CANDIDATE_KEY : m.equals("unauth") ? UNAUTH_KEY : "sk-test-" + m);
            config.put(p + "max-concurrency", "16");
            config.put(p + "price-input-per-million", "1.0");
            config.put(p + "price-output-per-million", "2.0");
            config.put(p + "timeout", "5s");
            config.put(p + "stream", Boolean.toString(m.startsWith("streamer")));
        }
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
