package io.claimbench.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void should_find_no_difference_between_equal_documents() throws Exception {
        assertThat(JsonDiff.firstDifference(json("{\"a\":[1,{\"b\":null}],\"c\":0.5}"),
                json("{\"a\":[1,{\"b\":null}],\"c\":0.5}"))).isEmpty();
    }

    @Test
    void should_report_fields_in_another_order_with_the_path() throws Exception {
        assertThat(JsonDiff.firstDifference(json("{\"x\":{\"a\":1,\"b\":2}}"), json("{\"x\":{\"b\":2,\"a\":1}}")))
                .hasValue("$.x: field #0 expected 'a', was 'b' (expected fields [a, b], was [b, a])");
    }

    @Test
    void should_tell_a_whole_number_from_a_double() throws Exception {
        assertThat(JsonDiff.firstDifference(json("{\"n\":[1]}"), json("{\"n\":[1.0]}")))
                .hasValue("$.n[0]: expected 1 (number int), was 1.0 (number double)");
    }

    @Test
    void should_report_the_first_changed_value_and_a_missing_field() throws Exception {
        assertThat(JsonDiff.firstDifference(json("{\"a\":\"x\",\"b\":2}"), json("{\"a\":\"y\",\"b\":3}")))
                .hasValue("$.a: expected \"x\" (string), was \"y\" (string)");
        assertThat(JsonDiff.firstDifference(json("{\"a\":1,\"b\":null}"), json("{\"a\":1}")))
                .hasValue("$: field #1 expected 'b', was no field (expected fields [a, b], was [a])");
        assertThat(JsonDiff.firstDifference(json("[1,2]"), json("[1]"))).hasValue("$: expected 2 elements, was 1");
    }

    @Test
    void should_allow_a_few_units_in_the_last_place_only_for_approximate_fields() throws Exception {
        assertThat(JsonDiff.firstDifference(json("{\"kappa\":0.7391304347826089}"), json("{\"kappa\":0.7391304347826088}"),
                java.util.Set.of("kappa"))).isEmpty();
        assertThat(JsonDiff.firstDifference(json("{\"raw\":0.7391304347826089}"), json("{\"raw\":0.7391304347826088}"),
                java.util.Set.of("kappa"))).isPresent();
        assertThat(JsonDiff.firstDifference(json("{\"kappa\":0.739}"), json("{\"kappa\":0.74}"), java.util.Set.of("kappa")))
                .isPresent();
    }
}
