package io.claimbench.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.claimbench.catalog.PromptItem;
import io.claimbench.runs.IdempotencyKeys;
import io.claimbench.runs.RunEntity;
import io.claimbench.runs.RunRequest;
import io.claimbench.runs.RunService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * POST /api/runs with an optional {@code Idempotency-Key} header: without one, every request starts a run; with one,
 * the caller's first request under the key starts it and a retry of that request (the same body, compared in canonical
 * form: field order, spacing and explicit nulls do not matter) answers with the same run, marked
 * {@code Idempotent-Replayed: true}; the key with another body is a 422. A key is 1 to 200 printable ASCII characters,
 * and it is the caller's own (keys are scoped by the authenticated principal): two callers may use the same key.
 */
@ApplicationScoped
public class IdempotentRuns {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 200;

    /** A canonical JSON writer for request hashes, independent of the application's mapper settings. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** The run a request led to, and whether an earlier request with its key had started it. */
    public record Started(RunEntity run, boolean replayed) {
    }

    private final RunService runs;
    private final IdempotencyKeys keys;

    public IdempotentRuns(RunService runs, IdempotencyKeys keys) {
        this.runs = runs;
        this.keys = keys;
    }

    /**
     * Starts {@code request}, read from {@code body} (the request as the API received it, which is what a retry is
     * compared by); {@code keyHeaders}: the request's Idempotency-Key values (none, or exactly one).
     */
    public Started start(Object body, RunRequest request, List<String> keyHeaders, String caller) {
        if (keyHeaders == null || keyHeaders.isEmpty()) {
            return new Started(runs.start(request, caller), false);
        }
        String key = key(keyHeaders);
        try {
            IdempotencyKeys.Outcome o = keys.start(caller, key, hash(body), request);
            return new Started(o.run(), o.replayed());
        } catch (IdempotencyKeys.KeyReusedException e) {
            throw new ApiInputException(422, HEADER, HEADER + ": " + e.getMessage());
        }
    }

    /** The key, checked without echoing it: a bad one is a 400 naming the header. */
    static String key(List<String> values) {
        if (values.size() > 1) {
            throw new ApiInputException(400, HEADER, HEADER + " must be sent once, not " + values.size() + " times");
        }
        String key = values.get(0);
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.isBlank()
                || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new ApiInputException(400, HEADER, HEADER + " must be 1 to " + MAX_KEY_LENGTH
                    + " printable ASCII characters (a UUID, for instance)");
        }
        return key;
    }

    /** The SHA-256 of the body in canonical form: the same request hashes the same however it was written. */
    static String hash(Object body) {
        try {
            return PromptItem.sha256(CANONICAL.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
