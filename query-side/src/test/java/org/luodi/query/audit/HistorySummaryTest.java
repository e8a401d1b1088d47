package org.luodi.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.events.Amount;
import org.luodi.events.FundsArrived;
import org.luodi.events.SourceRegion;
import org.luodi.query.QuerySideTest;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.SampleEvents.newId;
import static org.luodi.query.SampleEvents.on;
import static org.luodi.query.SampleEvents.signed;

/** Each history and audit entry carries the server's one description of its event, money in its own unit. */
class HistorySummaryTest extends QuerySideTest {

    @Test
    void fundsInBothCurrenciesReadWithTheirAmountsInHistoryAndAudit() {
        String id = newId();
        LocalDate june = LocalDate.of(2023, 6, 1);
        String actor = "clerk-" + newId().substring(0, 8);
        events().record(signed(id, "gaoxin", "摘要项目", LocalDate.of(2023, 5, 20)), on("2023-05-21"), actor,
                "CLERK", "gaoxin", null);
        events().record(new FundsArrived(id, 1, june, SourceRegion.OUT_OF_PROVINCE,
                Amount.cny(new BigDecimal("1200"))), on("2023-06-02"), actor, "CLERK", "gaoxin", null);
        events().record(new FundsArrived(id, 2, june, SourceRegion.FOREIGN, Amount.usd(new BigDecimal("500.5"))),
                on("2023-06-03"), actor, "CLERK", "gaoxin", null);
        awaitProcessed();

        JsonNode history = as("supervisor").get("/api/projects/" + id + "/history").ok().get("events");
        assertThat(history.get(1).get("summary").asText()).isEqualTo("第 1 笔，省外，1,200 万元");
        assertThat(history.get(2).get("summary").asText()).isEqualTo("第 2 笔，境外，500.5 万美元");
        // the raw fields stay in the answer
        assertThat(history.get(2).get("data").get("amount").get("currency").asText()).isEqualTo("USD");

        JsonNode audit = as("supervisor").get("/api/audit", "actor", actor).ok().get("events");
        assertThat(audit.get(0).get("summary").asText()).isEqualTo("第 2 笔，境外，500.5 万美元");
        assertThat(audit.get(1).get("summary").asText()).isEqualTo("第 1 笔，省外，1,200 万元");
        assertThat(audit.get(2).get("summary").asText()).startsWith("合同金额 ");
    }
}
