package org.luodi.command.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * What an import would record (dry run) or recorded: per row whether it is a new project, adds milestones to one
 * already recorded, changes nothing, or has errors; every error with its sheet, row, cell and a Chinese message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerPreview(String file, String sha256, boolean dryRun, boolean recorded, boolean alreadyImported,
                            Summary summary, List<RowResult> rows, List<Error> errors) {
    /** Rows are listed in full up to this many; beyond, only the summary and the rows with errors. */
    static final int LISTED_ROWS = 2_000;

    public enum Status { NEW, ADDED, UNCHANGED, ERROR }

    public record Summary(int projectRows, int fundsRows, int newProjects, int addedProjects, int unchangedRows,
                          int errorRows, int events, long millis) {
    }

    /** {@code adds}: what the row records, in words (签约, 开工 2024-05-20, 到位资金 500 万元…). */
    public record RowResult(String sheet, int row, Status status, String projectId, String name, List<String> adds,
                            Map<String, String> values) {
    }

    public record Error(String sheet, int row, String cell, String column, String message) {
    }
}
