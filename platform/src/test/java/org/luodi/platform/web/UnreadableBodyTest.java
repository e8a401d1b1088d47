package org.luodi.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.luodi.platform.problem.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** How an unreadable body is answered: a value of the wrong type names its field; broken JSON is malformed. */
class UnreadableBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Named(String name, Integer count) {
    }

    @Test
    void aStringNeverClosedIsMalformedEvenInsideAField() {
        // 101 backslashes: the last one escapes the closing quote, so the string runs to the end of the body
        Problem problem = ApiErrorHandler.unreadable(failure("{\"name\":\"" + "\\".repeat(101) + "\"}"));
        assertThat(problem.code()).isEqualTo("request.malformed");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() {
        Problem problem = ApiErrorHandler.unreadable(failure("{\"count\":\"many\"}"));
        assertThat(problem.code()).isEqualTo("request.invalid");
        assertThat(problem.errors()).extracting(e -> e.field()).containsExactly("count");
    }

    private static Throwable failure(String body) {
        return catchThrowable(() -> JSON.readValue(body, Named.class));
    }
}
