package org.luodi.query.bulletin;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.web.QueryTime;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * GET /api/bulletin and /api/bulletin.xlsx?year=&month=&knownAt= (SPEC §5). Without year and month: the last
 * complete month, the one a bulletin is published about.
 */
@RestController
public class BulletinController {
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final BulletinQueries queries;
    private final QueryTime time;

    public BulletinController(BulletinQueries queries, QueryTime time) {
        this.queries = queries;
        this.time = time;
    }

    @Operation(summary = "The monthly bulletin (一月一通报): scores, ranks and 约谈 flags",
            description = "A month not over is counted up to today; with knownAt, the bulletin as it could be "
                    + "published then. A clerk sees its own row and the others' ranks.")
    @GetMapping("/api/bulletin")
    public Bulletin bulletin(@RequestParam(required = false) Integer year,
                             @RequestParam(required = false) Integer month,
                             @RequestParam(required = false) String knownAt) {
        YearMonth which = month(year, month);
        return queries.bulletin(LuodiUser.current(), which.getYear(), which.getMonthValue(), time.knownAt(knownAt));
    }

    @Operation(summary = "The monthly bulletin as an Excel workbook laid out like the seed tables",
            description = "The same numbers as GET /api/bulletin, with the same parameters.")
    @GetMapping("/api/bulletin.xlsx")
    public ResponseEntity<byte[]> workbook(@RequestParam(required = false) Integer year,
                                           @RequestParam(required = false) Integer month,
                                           @RequestParam(required = false) String knownAt) {
        Bulletin bulletin = bulletin(year, month, knownAt);
        String fileName = BulletinWorkbook.sheetTitle(bulletin) + ".xlsx";
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(BulletinWorkbook.write(bulletin));
    }

    private YearMonth month(Integer year, Integer month) {
        if (year == null && month == null) {
            return YearMonth.from(time.today()).minusMonths(1);
        }
        List<FieldProblem> errors = new ArrayList<>();
        if (year == null || year < 2000 || year > 2100) {
            errors.add(new FieldProblem("year", "请填写 2000–2100 之间的年份"));
        }
        if (month == null || month < 1 || month > 12) {
            errors.add(new FieldProblem("month", "请填写 1–12 之间的月份"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return YearMonth.of(year, month);
    }
}
