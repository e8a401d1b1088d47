package org.luodi.command.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luodi.command.ledger.Lenient.CellError;
import org.luodi.command.ledger.Lenient.Value;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;
import org.luodi.platform.reference.ReferenceData;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LenientTest {
    private static final ReferenceData DAYE = ReferenceData.daye();

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-20", "2024/5/20", "2024.5.20", "2024年5月20日", "2024 年 5 月 20 日", "20240520",
            "2024-05-20 00:00:00", " 2024/05/20 "})
    void datesAsPeopleTypeThem(String text) {
        assertThat(Lenient.date(Value.text(text))).isEqualTo(LocalDate.of(2024, 5, 20));
    }

    @Test
    void anExcelDateCellIsItsSerialNumber() {
        assertThat(Lenient.date(new Value("45432", true, true))).isEqualTo(LocalDate.of(2024, 5, 20));
        // a whole number in this century's range in a date column, even without a date format
        assertThat(Lenient.date(new Value("45432", true, false))).isEqualTo(LocalDate.of(2024, 5, 20));
    }

    @Test
    void thePreviewShowsANumberWithoutTheTrailingZerosOfTheSheetsXml() {
        assertThat(new Value("12000.0", true, false).shown()).isEqualTo("12000");
        assertThat(new Value("1234.50", true, false).shown()).isEqualTo("1234.5");
        assertThat(Value.text("2024年1月2日").shown()).isEqualTo("2024年1月2日");
        assertThat(Value.text("1,200").shown()).isEqualTo("1,200");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2024-13-01", "五月二十日", "5/20/2024", "2024-5", "明天", "20241340"})
    void otherDatesAreErrorsOfTheCell(String text) {
        assertThatThrownBy(() -> Lenient.date(Value.text(text))).isInstanceOf(CellError.class);
    }

    @Test
    void amountsWithSeparatorsAndUnits() {
        assertThat(Lenient.amount(Value.text("1,200.5"), null)).isEqualByComparingTo("1200.5");
        assertThat(Lenient.amount(Value.text("1，200"), null)).isEqualByComparingTo("1200");
        assertThat(Lenient.amount(Value.text("12000万元"), null)).isEqualByComparingTo("12000");
        assertThat(Lenient.amount(Value.text("1.2亿元"), null)).isEqualByComparingTo("12000");
        assertThat(Lenient.amount(Value.text("1.2 亿"), null)).isEqualByComparingTo("12000");
        assertThat(Lenient.amount(Value.text("5,000,000元"), null)).isEqualByComparingTo("500");
        assertThat(Lenient.amount(new Value("3.5", true, false), "亿元")).isEqualByComparingTo("35000");
        assertThat(Lenient.amount(Value.text("800"), "万美元")).isEqualByComparingTo("800");
        // a unit written after the number wins over the unit column
        assertThat(Lenient.amount(Value.text("800万元"), "亿元")).isEqualByComparingTo("800");
        // a number cell's digits are taken exactly, not through a double
        assertThat(Lenient.amount(new Value("0.1", true, false), null)).isEqualTo(new BigDecimal("0.1"));
        // ... to the 15 significant digits Excel keeps and shows: 12000 × 1.2 is stored as 14400.000000000002
        assertThat(Lenient.amount(new Value("14400.000000000002", true, false), null)).isEqualByComparingTo("14400");
        assertThat(Lenient.amount(new Value("0.30000000000000004", true, false), "亿元"))
                .isEqualByComparingTo("3000");
        assertThat(Lenient.amount(Value.text("14400.000000000002"), null)).as("typed text is taken as typed")
                .isEqualTo(new BigDecimal("14400.000000000002"));
        // negative amounts are read, and refused by the aggregate's rules like a form's
        assertThat(Lenient.amount(Value.text("-5"), null)).isEqualByComparingTo("-5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"一千万", "12,00", "1.2.3", "12 千元", "abc", "1,2345"})
    void otherAmountsAreErrorsOfTheCell(String text) {
        assertThatThrownBy(() -> Lenient.amount(Value.text(text), null)).isInstanceOf(CellError.class);
    }

    @Test
    void yesAndNoAndTheirSynonyms() {
        for (String yes : new String[]{"是", "Y", "yes", "TRUE", "1", "√", "有"}) {
            assertThat(Lenient.yesNo(Value.text(yes))).as(yes).isTrue();
        }
        for (String no : new String[]{"否", "N", "no", "False", "0", "×", "无", "不是"}) {
            assertThat(Lenient.yesNo(Value.text(no))).as(no).isFalse();
        }
        assertThatThrownBy(() -> Lenient.yesNo(Value.text("也许"))).isInstanceOf(CellError.class);
    }

    @Test
    void townshipsAndChainsByCodeOrName() {
        assertThat(Lenient.township(DAYE, Value.text("陈贵镇"))).isEqualTo("chengui");
        assertThat(Lenient.township(DAYE, Value.text("陈贵"))).isEqualTo("chengui");
        assertThat(Lenient.township(DAYE, Value.text("chengui"))).isEqualTo("chengui");
        assertThat(Lenient.township(DAYE, Value.text("还地桥镇"))).isEqualTo("linkong");
        assertThat(Lenient.township(DAYE, Value.text("高新区"))).isEqualTo("gaoxin");
        assertThatThrownBy(() -> Lenient.township(DAYE, Value.text("北京"))).isInstanceOf(CellError.class);
        assertThat(Lenient.chain(DAYE, Value.text("新材料"))).isEqualTo("new-materials");
        assertThat(Lenient.chain(DAYE, Value.text("new-materials"))).isEqualTo("new-materials");
        assertThat(Lenient.chain(DAYE, Value.text("新材料产业"))).isEqualTo("new-materials");
        assertThatThrownBy(() -> Lenient.chain(DAYE, Value.text("房地产"))).isInstanceOf(CellError.class);
    }

    @Test
    void sourcesAndStartKinds() {
        assertThat(Lenient.source(Value.text("省外"))).isEqualTo(SourceRegion.OUT_OF_PROVINCE);
        assertThat(Lenient.source(Value.text("境外"))).isEqualTo(SourceRegion.FOREIGN);
        assertThat(Lenient.source(Value.text("IN_PROVINCE"))).isEqualTo(SourceRegion.IN_PROVINCE);
        assertThatThrownBy(() -> Lenient.source(Value.text("火星"))).isInstanceOf(CellError.class);
        assertThat(Lenient.startKind(Value.text("新建"))).isEqualTo(StartKind.NEW);
        assertThat(Lenient.startKind(Value.text("续建"))).isEqualTo(StartKind.RESUMED);
        assertThat(Lenient.startKind(Value.text("复工/续建"))).isEqualTo(StartKind.RESUMED);
    }
}
