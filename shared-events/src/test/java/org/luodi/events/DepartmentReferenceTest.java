package org.luodi.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 附件2 of seed 000 (lines 153-235) as shipped: the 73 departments and financial institutions, and their 2024 targets.
 * The sums are added up by hand from the seed's rows. They differ from the seed's own 合计 line in two places, which
 * the files keep as the rows say: the rows give 117 signings besides 鄂东基金公司's 5 fund-matched projects (the 合计
 * says "117 (含5个基金配套项目)"), and 45 projects started and stored where the 合计 says 44.
 */
class DepartmentReferenceTest {
    private final ReferenceCsv units = ReferenceCsv.read("reference/departments-daye.csv");
    private final ReferenceCsv targets = ReferenceCsv.read("reference/department-targets-daye-2024.csv");

    @Test
    void seventyThreeUnitsInTheSeedsOrderWithStableCodes() {
        assertThat(units.header()).containsExactly("code", "name", "kind");
        assertThat(units.rows()).hasSize(73);
        assertThat(units.rows().get(0)).containsExactly("dept01", "市委办公室", "party-government");
        assertThat(units.rows().get(10)[1]).isEqualTo("市委党校(市行政学校、市社会主义学校)");
        assertThat(units.rows().get(72)).containsExactly("dept73", "泰隆村镇银行", "financial");
        assertThat(units.rows().stream().map(r -> r[0]).distinct()).hasSize(73);
        assertThat(units.rows().stream().map(r -> r[1]).distinct()).hasSize(73);
        Map<String, Long> kinds = units.rows().stream().collect(Collectors.groupingBy(r -> r[2], Collectors.counting()));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(
                Map.of("party-government", 53L, "state-investment", 5L, "financial", 15L));
    }

    @Test
    void targetsAddUpAsTheSeedsRowsDo() {
        assertThat(targets.header()).containsExactly("department", "signed_count", "signed_amount_yi",
                "started_stored_count", "fund_wan", "signed_amount_usd_wan", "foreign_projects_only");
        assertThat(targets.rows().stream().map(r -> r[0]).toList())
                .isEqualTo(units.rows().stream().map(r -> r[0]).toList());
        assertThat(sum(1, r -> !r[0].equals("dept58"))).isEqualByComparingTo("117");
        assertThat(sum(1, r -> true)).isEqualByComparingTo("122");
        assertThat(sum(2, r -> true)).isEqualByComparingTo("586");
        assertThat(sum(3, r -> true)).isEqualByComparingTo("45");
        // 市商务局: one foreign-invested project of 700 万美元, started and stored
        assertThat(row("dept38")).containsExactly("dept38", "1", "", "1", "", "700", "true");
        // the four state investment companies each put 8,000 万元 into a fund instead of signing projects
        assertThat(List.of("dept54", "dept55", "dept56", "dept57")).allSatisfy(code ->
                assertThat(row(code)).containsExactly(code, "", "", "", "8000", "", ""));
        // 鄂东基金公司: 5 projects with matching funds arrived, 10 亿元 of investment in them
        assertThat(row("dept58")).containsExactly("dept58", "5", "10", "", "", "", "");
    }

    private String[] row(String code) {
        return targets.rows().stream().filter(r -> r[0].equals(code)).findFirst().orElseThrow();
    }

    private BigDecimal sum(int column, java.util.function.Predicate<String[]> which) {
        return targets.rows().stream().filter(which).map(r -> r[column]).filter(v -> !v.isEmpty())
                .map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
