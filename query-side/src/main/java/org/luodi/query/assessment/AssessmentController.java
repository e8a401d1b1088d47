package org.luodi.query.assessment;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.web.QueryTime;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The year-end 考核: GET /api/assessment/{year} (and .xlsx), GET and POST /api/assessment/{year}/adjustments. Every
 * read takes {@code knownAt}, so that a published assessment can be reproduced after later adjustments.
 */
@RestController
public class AssessmentController {
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AssessmentQueries queries;
    private final AssessmentAdjustments adjustments;
    private final QueryTime time;

    public AssessmentController(AssessmentQueries queries, AssessmentAdjustments adjustments, QueryTime time) {
        this.queries = queries;
        this.adjustments = adjustments;
        this.time = time;
    }

    /** Every unit's score, adjustments, final score, rank in its pool, completeness and reward. */
    @Operation(summary = "The year-end 考核: every unit's score, adjustments, final score, rank in its pool and reward")
    @GetMapping("/api/assessment/{year}")
    public Assessment assessment(@PathVariable int year, @RequestParam(required = false) String knownAt) {
        return queries.assessment(LuodiUser.current(), checked(year), time.knownAt(knownAt));
    }

    /** The same as an Excel workbook, with the adjustments on a sheet of their own. */
    @Operation(summary = "The year-end 考核 as an Excel workbook, with the adjustments on a sheet of their own")
    @GetMapping("/api/assessment/{year}.xlsx")
    public ResponseEntity<byte[]> workbook(@PathVariable int year, @RequestParam(required = false) String knownAt) {
        Assessment assessment = assessment(year, knownAt);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(assessment.title() + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(AssessmentWorkbook.write(assessment, adjustments.list(LuodiUser.current(), year,
                        time.knownAt(knownAt))));
    }

    /** The audit list: every adjustment and cancellation with who, when and why (a clerk: its own township's). */
    @Operation(summary = "Every adjustment and cancellation of a year, with who, when and why")
    @GetMapping("/api/assessment/{year}/adjustments")
    public List<Adjustment> adjustments(@PathVariable int year, @RequestParam(required = false) String knownAt) {
        return adjustments.list(LuodiUser.current(), checked(year), time.knownAt(knownAt));
    }

    /** A supervisor records a praise, a criticism or a 约谈 deduction, or cancels an earlier one. */
    @Operation(summary = "Record a praise, a criticism or a 约谈 deduction, or cancel an earlier one (supervisors)")
    @PostMapping("/api/assessment/{year}/adjustments")
    public Adjustment record(@PathVariable int year, @RequestBody AdjustmentRequest request) {
        return adjustments.record(LuodiUser.current(), year, request);
    }

    private static int checked(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "请填写 2000–2100 之间的年份");
        }
        return year;
    }
}
