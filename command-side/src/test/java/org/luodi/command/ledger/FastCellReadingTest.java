package org.luodi.command.ledger;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.luodi.command.ledger.Lenient.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short cuts the reader takes on every cell (a county's ledger has hundreds of thousands) answer what POI's
 * general code answers: a cell reference's column, an Excel date serial's day.
 */
class FastCellReadingTest {

    @Test
    void aCellReferencesColumnIsPoisColumn() {
        for (String ref : new String[]{"A1", "Z9", "AA1", "AB12", "AZ300", "BA7", "XFD1048576", "$C$4"}) {
            assertThat(WorkbookReader.column(ref)).as(ref).isEqualTo(new CellReference(ref).getCol());
        }
    }

    @Test
    void aWholeDateSerialIsPoisDay() {
        for (int serial = 61; serial < 80_000; serial++) {
            assertThat(Lenient.date(new Value(String.valueOf(serial), true, true)))
                    .isEqualTo(DateUtil.getLocalDateTime(serial).toLocalDate());
        }
        assertThat(Lenient.date(new Value("45432", true, true)).toString()).isEqualTo("2024-05-20");
    }
}
