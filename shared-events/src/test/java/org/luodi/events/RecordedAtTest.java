package org.luodi.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The projections' shared reading of recordedAt answers exactly what Instant.parse answers. */
class RecordedAtTest {

    @Test
    void readsWhatInstantToStringWritesAsInstantParseDoes() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertThat(RecordedAt.parseInstant(instant.toString())).isEqualTo(instant);
        }
    }

    @Test
    void leavesEveryOtherFormToInstantParse() {
        for (String text : List.of("2024-06-01T08:00:00.1Z", "2024-06-01T08:00:00.12345678Z",
                "2016-12-31T23:59:60Z", "2024-06-01T24:00:00Z", "+12024-06-01T08:00:00Z", "2024-13-01T08:00:00Z",
                "2024-02-30T08:00:00Z", "2024-06-01T08:00Z", "2024-06-01T08:00:00.Z",
                "2024-06-01T08:00:00.1234567890Z", "2024-06-01T08:0a:00Z", "2024-06-01 08:00:00Z")) {
            assertThat(outcome(() -> RecordedAt.parseInstant(text)))
                    .as(text).isEqualTo(outcome(() -> Instant.parse(text)));
        }
    }

    /** The instant read, or the kind of exception thrown. */
    private static Object outcome(Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
