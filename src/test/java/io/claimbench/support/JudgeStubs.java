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
