package io.claimbench.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.claimbench.results.RunReport;

import java.io.IOException;

/**
 * A server's results document read back into the report it was written from (the document is the report, field for
 * field: {@code DocumentCompatibilityTest} holds it so), so that {@code --server} computes its verdicts, reports and
 * table with the same code, from the same figures, as a run in this process.
 */
final class ServerResults {

    private ServerResults() {
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    static RunReport read(ObjectMapper json, String document) {
        try {
            return json.readValue(document, RunReport.class);
        } catch (IOException e) {
            throw new IllegalStateException("the server's results document does not read as a report: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
