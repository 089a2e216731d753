package io.claimbench.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one endpoint of the fake server saw, read from WireMock's journal (server-side timestamps): how many calls,
 * the most attempts of any one request (retries send the same body, so a distinct body is one call of one item), and
 * for every answer that carried a Retry-After, the gap until that request came again.
 *
 * @param calls          requests the endpoint received
 * @param maxPerRequest  the most times one request (one item's call) was sent
 * @param retryAfterGaps each retry that followed a Retry-After: what the server asked for and what the client waited
 */
public record EndpointJournal(int calls, int maxPerRequest, List<Gap> retryAfterGaps) {

    public EndpointJournal {
        retryAfterGaps = List.copyOf(retryAfterGaps);
    }

    /** A retry after an answer with a Retry-After: the wait asked for and the one taken, in milliseconds. */
    public record Gap(long askedMs, long waitedMs) {
        public boolean honoured() {
            return waitedMs >= askedMs;
        }
    }

    /** The requests whose URL starts with {@code pathPrefix}. */
    public static EndpointJournal of(WireMockServer wm, String pathPrefix) {
        Map<String, List<ServeEvent>> byBody = new LinkedHashMap<>();
        int calls = 0;
        for (ServeEvent e : wm.getAllServeEvents()) {
            if (e.getRequest().getUrl().startsWith(pathPrefix)) {
                calls++;
                byBody.computeIfAbsent(e.getRequest().getBodyAsString(), b -> new ArrayList<>()).add(e);
            }
        }
        int max = 0;
        List<Gap> gaps = new ArrayList<>();
        for (List<ServeEvent> attempts : byBody.values()) {
            max = Math.max(max, attempts.size());
            attempts.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
            for (int i = 0; i + 1 < attempts.size(); i++) {
                Long asked = retryAfterMillis(attempts.get(i));
                if (asked != null) {
                    long waited = attempts.get(i + 1).getRequest().getLoggedDate().getTime()
                            - attempts.get(i).getRequest().getLoggedDate().getTime();
                    gaps.add(new Gap(asked, waited));
                }
            }
        }
        return new EndpointJournal(calls, max, gaps);
    }

    /** For an endpoint outside WireMock that counts connections, serving one request per item. */
    public static EndpointJournal counted(int calls) {
        return new EndpointJournal(calls, calls, List.of());
    }

    /** The shortest wait after a Retry-After, or null when no answer asked for one. */
    public Long minGapAfterRetryAfter() {
        return retryAfterGaps.stream().map(Gap::waitedMs).min(Long::compare).orElse(null);
    }

    private static Long retryAfterMillis(ServeEvent e) {
        HttpHeaders headers = e.getResponse() != null && e.getResponse().getHeaders() != null ? e.getResponse().getHeaders()
                : e.getResponseDefinition() == null ? null : e.getResponseDefinition().getHeaders();
        if (headers == null) {
            return null;
        }
        HttpHeader h = headers.getHeader("Retry-After");
        // The stubs send delta-seconds only: an HTTP date would leave up to a second of rounding to this check.
        return h.isPresent() ? (long) (Double.parseDouble(h.firstValue().trim()) * 1000) : null;
    }
}
