package org.luodi.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An implausible amount over HTTP: 409 problem+json whose {@code type} says what to confirm, nothing written; the
 * same request with {@code confirmImplausible: true} is recorded.
 */
class ImplausibleAmountApiTest extends CommandSideApiTest {
    /** 1,200 亿元 typed where 1,200 万元 was meant, on a 12,000.50 万元 project: far above 3× its contract. */
    private static final String TYPO = """
            {"arrivedOn":"2024-06-01","source":"OUT_OF_PROVINCE","amountWan":12000000%s}""";

    @Test
    void fundsFarAboveTheContractAsk409ForConfirmationAndWriteNothing() {
        String id = signGaoxinProject();
        long before = eventCount(id);
        JsonNode problem = refused(409, () -> gaoxin.post("/api/projects/" + id + "/funds", TYPO.formatted("")));
        assertThat(problem.path("type").asText()).isEqualTo("/problems/implausible-amount");
        assertThat(problem.path("code").asText()).isEqualTo("amount.implausible");
        assertThat(problem.path("check").asText()).isEqualTo("funds-over-contract");
        assertThat(problem.path("confirm").asText()).isEqualTo("confirmImplausible");
        assertThat(problem.path("detail").asText()).contains("12,000,000 万元").contains("3 倍");
        assertThat(fields(problem)).containsExactly("amountWan");
        assertThat(eventCount(id)).isEqualTo(before);

        ApiClient.Answer confirmed = gaoxin.post("/api/projects/" + id + "/funds",
                TYPO.formatted(",\"confirmImplausible\":true"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(eventCount(id)).isEqualTo(before + 1);
    }

    @Test
    void aContractAboveAThousandYiAsksForConfirmation() {
        JsonNode problem = refused(409, () -> gaoxin.post("/api/projects",
                signing(null).replace("12000.50", "12000000")));
        assertThat(problem.path("type").asText()).isEqualTo("/problems/implausible-amount");
        assertThat(problem.path("check").asText()).isEqualTo("contract-over-limit");
        assertThat(fields(problem)).containsExactly("contractAmountWan");
    }

    @Test
    void anOrdinaryRuleViolationKeepsItsPlainType() {
        String id = signGaoxinProject();
        JsonNode problem = refused(409, () -> gaoxin.post("/api/projects/" + id + "/storage", """
                {"storedOn":"2024-06-01","plannedInvestmentWan":15000}"""));
        assertThat(problem.path("type").asText("about:blank")).isEqualTo("about:blank");
        assertThat(problem.has("check")).isFalse();
    }
}
