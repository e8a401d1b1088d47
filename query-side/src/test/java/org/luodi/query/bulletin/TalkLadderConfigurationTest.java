package org.luodi.query.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.query.ApiClient;
import org.luodi.query.IsolatedQuerySideTest;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 约谈 ladder is configuration: a county that calls a township to the leader in charge after one month in last
 * place and to the top leaders after two. The same scenario as {@link BulletinTest}'s ladder (2022, targets of 2
 * signings each: jinhu and baoan last in January, baoan alone in February and March), one step earlier each time.
 */
@TestPropertySource(properties = {"luodi.bulletin.leader-in-charge-months=1", "luodi.bulletin.top-leaders-months=2"})
class TalkLadderConfigurationTest extends IsolatedQuerySideTest {

    @Test
    void configuredMonthsDecideTheTalks() {
        clock.setToday(LocalDate.of(2022, 1, 1));
        for (String township : new String[] {"chengui", "jinhu", "baoan"}) {
            ApiClient.Answer answer = supervisor().exchange(HttpMethod.PUT, "/api/targets/2022/" + township,
                    "{\"targets\": {\"signedAbove1Yi.count\": 2}, \"reason\": \"下达年度目标\"}");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        recorder.signed("chengui", "10000", LocalDate.of(2022, 1, 10));
        recorder.signed("jinhu", "10000", LocalDate.of(2022, 2, 10));
        recorder.signed("baoan", "10000", LocalDate.of(2022, 4, 5));
        recorder.awaitProjections();
        clock.setToday(LocalDate.of(2022, 5, 3));

        JsonNode january = supervisor().get("/api/bulletin?year=2022&month=1").ok();
        assertTalks(BulletinTest.row(january, "jinhu"), true, false);
        JsonNode february = supervisor().get("/api/bulletin?year=2022&month=2").ok();
        assertTalks(BulletinTest.row(february, "jinhu"), false, false);
        assertTalks(BulletinTest.row(february, "baoan"), true, true);
        JsonNode march = supervisor().get("/api/bulletin?year=2022&month=3").ok();
        assertThat(BulletinTest.row(march, "baoan").get("lastPlaceMonthsRunning").asInt())
                .as("counted as far as the ladder reaches").isEqualTo(2);
        assertThat(march.at("/scoring/leaderInChargeMonths").asInt()).isEqualTo(1);
        assertThat(march.at("/scoring/topLeadersMonths").asInt()).isEqualTo(2);

        // the pages write "连续 N 个月" from the words the server serves
        JsonNode words = supervisor().get("/api/vocabulary").ok();
        assertThat(words.at("/thresholds/leaderInChargeMonths").asInt()).isEqualTo(1);
        assertThat(words.at("/thresholds/topLeadersMonths").asInt()).isEqualTo(2);
    }

    @Test
    void aLadderThatContradictsItselfIsRefused() {
        assertThatThrownBy(() -> new BulletinProperties(null, null, null, null, null, 3, 3, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BulletinProperties(null, null, null, null, null, 0, 2, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        BulletinProperties seed = new BulletinProperties(null, null, null, null, null);
        assertThat(seed.leaderInChargeMonths()).isEqualTo(2);
        assertThat(seed.topLeadersMonths()).isEqualTo(3);
    }

    private static void assertTalks(JsonNode row, boolean leaderInCharge, boolean topLeaders) {
        assertThat(row.get("talkWithLeaderInCharge").asBoolean()).as(row.get("township") + " leader in charge")
                .isEqualTo(leaderInCharge);
        assertThat(row.get("talkWithTopLeaders").asBoolean()).as(row.get("township") + " top leaders")
                .isEqualTo(topLeaders);
    }
}
