package org.luodi.command.ledger;

import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;
import org.luodi.platform.ledger.LedgerLayout.FundsColumn;
import org.luodi.platform.ledger.LedgerLayout.ProjectColumn;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A 台账 as read from its workbook: the project rows, the fund rows, and every cell that could not be read. */
final class Ledger {
    final List<ProjectRow> projects = new ArrayList<>();
    final List<FundsRow> funds = new ArrayList<>();
    final List<LedgerError> errors = new ArrayList<>();

    /** One error, where it is: sheet, row, cell (A1), the column's header, and why (Chinese). */
    record LedgerError(String sheet, int row, String cell, String column, String message) {
        String field() {
            return cell == null ? sheet + " 第 " + row + " 行" : sheet + "!" + cell;
        }
    }

    /** One row of sheet 项目台账: what it says (null where the cell is empty), and where each column's cell is. */
    static final class ProjectRow {
        final int row;
        final Map<ProjectColumn, String> cells = new EnumMap<>(ProjectColumn.class);
        /** What the row showed, header → text, for the preview. */
        final Map<String, String> shown = new LinkedHashMap<>();
        String code;
        String name;
        String investor;
        String township;
        String chain;
        Boolean industrial;
        SourceRegion source;
        BigDecimal contract;
        LocalDate signedOn;
        String introducedBy;
        BigDecimal planned;
        LocalDate registeredOn;
        String company;
        String creditCode;
        Boolean foreign;
        Boolean exportOriented;
        LocalDate startedOn;
        StartKind startKind;
        LocalDate storedOn;
        BigDecimal storedPlanned;
        LocalDate productionOn;
        LocalDate terminatedOn;
        String terminationReason;

        ProjectRow(int row) {
            this.row = row;
        }
    }

    /** One row of sheet 到位资金; {@code usd}: the amount is in 万美元. */
    static final class FundsRow {
        final int row;
        final Map<FundsColumn, String> cells = new EnumMap<>(FundsColumn.class);
        final Map<String, String> shown = new LinkedHashMap<>();
        String code;
        String name;
        LocalDate arrivedOn;
        SourceRegion source;
        BigDecimal amount;
        boolean usd;

        FundsRow(int row) {
            this.row = row;
        }
    }
}
