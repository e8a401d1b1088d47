package org.luodi.query.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.events.Milestone;
import org.luodi.query.QuerySideTest;
import org.luodi.query.project.Stage;
import org.luodi.query.targets.Indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/vocabulary serves every code the API answers with, labelled, in the order a form lists them. */
class VocabularyTest extends QuerySideTest {

    @Test
    void everyCodeHasItsChineseLabelInLifecycleOrder() {
        JsonNode words = as("gaoxin").get("/api/vocabulary").ok();
        assertThat(keys(words.get("stages"))).containsExactly("SIGNED", "REGISTERED", "STARTED", "STORED",
                "IN_PRODUCTION", "TERMINATED", "VOIDED");
        assertThat(words.at("/stages/IN_PRODUCTION").asText()).isEqualTo("已投产");
        assertThat(keys(words.get("milestones")))
                .containsExactlyElementsOf(Arrays.stream(Milestone.values()).map(Enum::name).toList());
        assertThat(words.at("/milestones/FUNDS").asText()).isEqualTo("到位资金");
        assertThat(words.at("/eventTypes/FundsArrived").asText()).isEqualTo("到位资金");
        assertThat(words.at("/sources/OUT_OF_PROVINCE").asText()).isEqualTo("省外");
        assertThat(words.at("/startKinds/RESUMED").asText()).isEqualTo("复工/续建");
        assertThat(words.at("/roles/CLERK").asText()).isEqualTo("乡镇招商专班");
        assertThat(words.at("/alertLevels/OVERDUE").asText()).isEqualTo("逾期未开工");
        assertThat(words.at("/townshipKinds/zone").asText()).isEqualTo("园区");
        assertThat(words.at("/adjustmentKinds/INTERVIEW_DEDUCTION").asText()).isEqualTo("约谈扣分");
        assertThat(keys(words.get("projectTypes"))).containsExactly("SECOND_ROUND", "TECHNICAL_UPGRADE",
                "CAPITAL_EXPANSION", "REFERRED_BY_INVESTOR", "CHAMBER_RETURN", "FUND_MATCHED", "SPECIALIZED_INNOVATIVE");
        assertThat(words.at("/projectTypes/SECOND_ROUND").asText()).isEqualTo("二次招商");
        assertThat(words.at("/projectTypes/SPECIALIZED_INNOVATIVE").asText()).isEqualTo("专精特新");
        assertThat(keys(words.get("investorCategories"))).hasSize(6);
        assertThat(words.at("/investorCategories/GLOBAL_500").asText()).isEqualTo("世界500强");
        assertThat(words.at("/investorCategories/STATE_OWNED").asText()).isEqualTo("央企国企");
        assertThat(words.at("/eventTypes/AttributesCorrected").asText()).isEqualTo("更正项目信息");
        assertThat(words.get("indicators")).hasSize(Indicator.values().length);
        assertThat(words.at("/indicators/0/key").asText()).isEqualTo("signedAbove1Yi.count");
        assertThat(words.at("/indicators/" + Indicator.FOREIGN_USD.ordinal() + "/unit").asText()).isEqualTo("万美元");
        // the thresholds as configured, so that the pages' "满 5 个月" follows the server's setting
        assertThat(words.at("/thresholds/warningMonths").asInt()).isEqualTo(5);
        assertThat(words.at("/thresholds/overdueMonths").asInt()).isEqualTo(6);
        assertThat(words.at("/thresholds/startRate").decimalValue()).isEqualByComparingTo("0.65");
        assertThat(words.at("/thresholds/storageRate").decimalValue()).isEqualByComparingTo("0.45");
        assertThat(words.at("/thresholds/leaderInChargeMonths").asInt()).isEqualTo(2);
        assertThat(words.at("/thresholds/topLeadersMonths").asInt()).isEqualTo(3);
        for (JsonNode labels : List.of(words.get("stages"), words.get("milestones"), words.get("eventTypes"),
                words.get("projectTypes"))) {
            labels.forEach(label -> assertThat(label.asText()).isNotBlank().doesNotContainPattern("[A-Za-z]"));
        }
    }

    @Test
    void theStageFilterAcceptsExactlyTheServedStages() {
        for (Stage stage : Stage.values()) {
            assertThat(as("supervisor").get("/api/projects", "stage", stage.name()).status()).isEqualTo(200);
        }
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
