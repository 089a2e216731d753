package io.claimbench.support;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.claimbench.support.OpenAiStubs.verdict;

/**
 * Fake judges that answer by the order they are shown the pair in: the request bodies of game 1 carry the candidate's
 * answer (which starts with "CANDIDATE") in position A, those of game 2 in position B.
 */
public final class JudgeStubs {

    /** A judge prompt in which the candidate's answer is answer A (game 1). */
    public static final String CANDIDATE_IN_A = ".*ANSWER A [0-9a-f]{16}>>>\\\\nCANDIDATE.*";
    /** A judge prompt in which the candidate's answer is answer B (game 2). */
    public static final String CANDIDATE_IN_B = ".*ANSWER B [0-9a-f]{16}>>>\\\\nCANDIDATE.*";

    private JudgeStubs() {
    }

    /**
     * Clears every stub and request, then has {@code cand} and {@code baseline} answer with texts new to this call
     * (so no earlier cached answer or judgment applies), the candidate's starting with "CANDIDATE".
     */
    public static void freshContestants(WireMockServer wm) {
        wm.resetAll();
        String nonce = java.util.UUID.randomUUID().toString();
        wm.stubFor(post(urlPathEqualTo("/cand/v1/chat/completions")).willReturn(OpenAiStubs.answer("CANDIDATE answer " + nonce)));
        wm.stubFor(post(urlPathEqualTo("/base/v1/chat/completions")).willReturn(OpenAiStubs.answer("BASELINE answer " + nonce)));
    }

    /**
     * For each row {prompt tag, verdict with the candidate as A, verdict with the candidate as B}, the judge at
     * {@code /<judge>/v1} answers prompts containing "[tag]" with that verdict.
     */
    public static void byPosition(WireMockServer wm, String judge, String[][] table) {
        for (String[] v : table) {
            wm.stubFor(post(urlPathEqualTo("/" + judge + "/v1/chat/completions")).withRequestBody(containing("[" + v[0] + "]"))
                    .withRequestBody(matching(CANDIDATE_IN_A)).willReturn(verdict(v[1])));
            wm.stubFor(post(urlPathEqualTo("/" + judge + "/v1/chat/completions")).withRequestBody(containing("[" + v[0] + "]"))
                    .withRequestBody(matching(CANDIDATE_IN_B)).willReturn(verdict(v[2])));
        }
    }
}
