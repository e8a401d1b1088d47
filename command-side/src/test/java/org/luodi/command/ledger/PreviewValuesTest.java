package org.luodi.command.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luodi.platform.reference.ReferenceData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview shows each cell as the office sees it in Excel: a date cell as its date, whether the workbook kept the
 * date format (Excel, Luodi's export) or lost it (some libraries write the bare serial); a number without the
 * trailing ".0" of the sheet's XML; text as typed.
 */
class PreviewValuesTest {

    @Test
    void datesAsDatesNumbersWithoutTrailingZerosTextAsTyped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("台账.xlsx");
        Files.write(file, Workbooks.of(List.of(Workbooks.PROJECT_HEADERS,
                        java.util.Arrays.asList(null, "年产1800套精密模具项目", "武汉模具集团有限公司", "高新区", "智能装备制造", "是",
                                "省内", 44500, LocalDate.of(2024, 10, 28), 45634, "大冶模具有限公司", "91420281MA4001221Y", "否",
                                "2024年12月20日", "新建")),
                List.of(Workbooks.FUNDS_HEADERS, List.of("", "年产1800套精密模具项目", LocalDate.of(2024, 12, 25), "省内",
                        1200.5, "万元"))));

        Ledger ledger = LedgerParser.parse(file, ReferenceData.daye());

        assertThat(ledger.errors).isEmpty();
        var shown = ledger.projects.get(0).shown;
        assertThat(shown).containsEntry("签约日期", "2024-10-28") // a date cell
                .containsEntry("注册日期", "2024-12-08") // the bare serial 45634, its format lost
                .containsEntry("合同金额（万元）", "44500")
                .containsEntry("开工日期", "2024年12月20日");
        assertThat(ledger.projects.get(0).registeredOn).isEqualTo(LocalDate.of(2024, 12, 8));
        assertThat(ledger.funds.get(0).shown).containsEntry("到位日期", "2024-12-25").containsEntry("金额", "1200.5");
    }
}
