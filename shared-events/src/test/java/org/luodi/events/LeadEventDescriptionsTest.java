package org.luodi.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every lead event has a name and a description for its present revision, and the description never says null. */
class LeadEventDescriptionsTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @Test
    void everyLeadEventTypeIsDescribedAtItsRevision() {
        for (Class<?> type : LeadEvent.class.getPermittedSubclasses()) {
            assertThat(EventDescriptions.DESCRIBED_LEAD_REVISIONS.get(type)).as(type.getSimpleName())
                    .isNotNull().isEqualTo(EventDescriptions.revisionOf(type));
        }
        assertThat(EventDescriptions.LEAD_TYPE_LABELS.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(LeadEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
    }

    @Test
    void descriptionsNameUnitsAndNeverTheInvestor() throws Exception {
        List<LeadEvent> events = List.of(
                new LeadRecorded("l1", "dept38", "湖北某某新材料有限公司", "91420000MA4K0000X1", "新材料产业园",
                        new BigDecimal("1234.5"), List.of("某配套企业"), LeadSource.BUSINESS_REFERRAL, "gaoxin", DAY,
                        List.of(new LeadRecorded.EarlierReport("l0", "gaoxin", DAY.minusDays(3), "统一社会信用代码"))),
                new LeadAssessed("l1", DAY, "符合产业链方向"),
                new LeadNegotiationStarted("l1", DAY, "市长"),
                new LeadReviewed("l1", ReviewKind.CONTRACT_REVIEW, DAY, true, "同意签约"),
                new LeadProgressReported("l1", DAY, "第二轮洽谈"),
                new LeadFirstReportConfirmed("l1", "gaoxin", "l0", DAY),
                new LeadSuspended("l1", DAY, LeadStage.NEGOTIATING, "投资方资金紧张"),
                new LeadResumed("l1", DAY, LeadStage.NEGOTIATING, "资金到位"),
                new LeadAbandoned("l1", DAY, "投资方转投外地"),
                new LeadSigned("l1", "p1", DAY, List.of("gaoxin", "dept38")),
                new LeadDateCorrected("l1", "LeadNegotiationStarted", DAY, DAY));
        for (LeadEvent event : events) {
            String text = EventDescriptions.describe(event.getClass().getSimpleName(),
                    EventJson.mapper().writeValueAsString(event));
            assertThat(text).as(event.toString()).isNotBlank().doesNotContain("null").doesNotContain("某某新材料")
                    .doesNotContain("无法解读");
        }
        assertThat(EventDescriptions.describe(events.get(0))).contains("市商务局", "高新区", "1,234.5 万元");
        assertThat(EventDescriptions.describe(events.get(9))).contains("高新区、市商务局");
    }
}
