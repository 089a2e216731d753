package io.claimbench.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** OpenAI chat-completions answers, as a real server sends them. */
public final class OpenAiStubs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiStubs() {
    }

    public static String completion(String content, int promptTokens, int completionTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test");
        root.put("object", "chat.completion");
        root.put("created", 1_700_000_000);
        root.put("model", "stub");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return root.toString();
    }

    public static ResponseDefinitionBuilder answer(String content) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(completion(content, 100, 50));
    }

    /** A streamed completion, one server-sent event per word, then the usage and [DONE]. */
    public static String stream(String content) {
        return stream(content, 100, 50);
    }

    /** A streamed completion whose final usage reports the given token counts. */
    public static String stream(String content, int promptTokens, int completionTokens) {
        StringBuilder sb = new StringBuilder();
        ObjectNode first = chunk();
        first.withArray("choices").addObject().put("index", 0).putObject("delta").put("role", "assistant").put("content", "");
        sb.append("data: ").append(first).append("\n\n");
        for (String word : content.split("(?<= )")) {
            ObjectNode c = chunk();
            c.withArray("choices").addObject().put("index", 0).putObject("delta").put("content", word);
            sb.append("data: ").append(c).append("\n\n");
        }
        ObjectNode last = chunk();
        ObjectNode choice = last.withArray("choices").addObject().put("index", 0);
        choice.putObject("delta");
        choice.put("finish_reason", "stop");
        last.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        sb.append("data: ").append(last).append("\n\n").append("data: [DONE]\n\n");
        return sb.toString();
    }

    private static ObjectNode chunk() {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", "chatcmpl-stream");
        c.put("object", "chat.completion.chunk");
        c.put("created", 1_700_000_000);
        c.put("model", "stub");
        return c;
    }

    public static ResponseDefinitionBuilder verdict(String verdict) {
        return answer("Reasoning about both answers.\n{\"rationale\": \"stub judge\", \"verdict\": \"" + verdict + "\"}");
    }

    public static ResponseDefinitionBuilder error(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}");
    }
}
