package org.luodi.events.upcasting;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FundsArrivedUpcasterTest {

    @Test
    void aRevisionOneAmountBecomesOneAmountWithItsCurrencyAndKeepsEveryDigit() {
        assertThat(upcast("{\"projectId\":\"p\",\"arrivalNo\":1,\"amountWan\":300.250000000000000001,"
                + "\"amountUsdWan\":null}"))
                .isEqualTo("{\"projectId\":\"p\",\"arrivalNo\":1,\"amount\":{\"wan\":300.250000000000000001,"
                        + "\"currency\":\"CNY\"}}");
        assertThat(upcast("{\"projectId\":\"p\",\"amountWan\":null,\"amountUsdWan\":80}"))
                .isEqualTo("{\"projectId\":\"p\",\"amount\":{\"wan\":80,\"currency\":\"USD\"}}");
        assertThat(upcast("{\"projectId\":\"p\"}")).isEqualTo("{\"projectId\":\"p\",\"amount\":null}");
    }

    @Test
    void storedBytesThatAreNoJsonObjectArePassedOnUnchangedToFailInTheHandler() {
        for (String damaged : new String[]{"{\"projectId\":\"p\",\"amountWan\":12", "[1,2]", "", "null", "\u0000"}) {
            assertThat(upcast(damaged)).as(damaged).isEqualTo(damaged);
        }
    }

    private static String upcast(String stored) {
        return new String(FundsArrivedUpcaster.toRevision2(stored.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }
}
