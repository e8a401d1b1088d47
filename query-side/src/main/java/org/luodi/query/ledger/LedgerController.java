package org.luodi.query.ledger;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.project.ProjectQueries;
import org.luodi.query.project.Stage;
import org.luodi.query.web.FilterCodes;
import org.luodi.query.web.QueryTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static org.luodi.query.web.FilterCodes.blankToNull;

/**
 * The 台账 as a workbook (issue #18, layout in docs/ledger.md): the empty template with an example row, and the
 * export of the projects the caller may see, filtered like the project list, as they stood on {@code asOf} as
 * known at {@code knownAt}; read through {@code query.project}'s queries, a batch at a time, written as a stream.
 */
@RestController
public class LedgerController {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int BATCH = 500;

    private final ProjectQueries queries;
    private final QueryTime time;
    private final FilterCodes codes;

    public LedgerController(ProjectQueries queries, QueryTime time, FilterCodes codes) {
        this.queries = queries;
        this.time = time;
        this.codes = codes;
    }

    @Operation(summary = "The 台账 template (.xlsx) with Chinese headers and an example row",
            description = "Sheets 项目台账 and 到位资金 as docs/ledger.md describes them; * marks the required columns.")
    @GetMapping("/api/ledger/template.xlsx")
    public void template(HttpServletResponse response) throws IOException {
        try (LedgerWorkbook workbook = new LedgerWorkbook()) {
            workbook.example();
            send(response, "台账模板.xlsx", workbook);
        }
    }

    @Operation(summary = "Export the 台账 (.xlsx) of the projects the caller may see",
            description = "Filtered like GET /api/projects (township, chain, stage), as they stood on asOf, as known "
                    + "at knownAt; the layout the import reads, plus the read-only column 当前阶段, so that an office "
                    + "exports, edits in Excel and imports again. A clerk exports its own township only.")
    @GetMapping("/api/ledger.xlsx")
    public void export(@RequestParam(required = false) String township, @RequestParam(required = false) String chain,
                       @RequestParam(required = false) String stage, @RequestParam(required = false) String asOf,
                       @RequestParam(required = false) String knownAt, HttpServletResponse response)
            throws IOException {
        if (stage != null && !stage.isBlank() && Stage.byCode(stage) == null) {
            throw new InvalidInputException("stage", "未知的阶段，可选 " + java.util.Arrays.toString(Stage.values()));
        }
        var filter = new ProjectQueries.Filter(codes.township(township), codes.chain(chain), blankToNull(stage),
                null, null, null, null);
        LocalDate day = time.asOf(asOf);
        Instant known = time.knownAt(knownAt);
        LuodiUser user = LuodiUser.current();
        // the workbook is sent once written: a refusal (another township) is still a problem+json
        try (LedgerWorkbook workbook = new LedgerWorkbook()) {
            queries.each(user, filter, day, known, BATCH, workbook::project);
            send(response, "台账-" + day + ".xlsx", workbook);
        }
    }

    private static void send(HttpServletResponse response, String fileName, LedgerWorkbook workbook)
            throws IOException {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"ledger.xlsx\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        try (OutputStream out = response.getOutputStream()) {
            workbook.write(out);
        }
    }
}
