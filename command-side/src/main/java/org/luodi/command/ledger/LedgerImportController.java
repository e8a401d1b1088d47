package org.luodi.command.ledger;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.RefusedException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code POST /api/ledger/import}: a 台账 workbook in, its preview (dry run) or what it recorded out. */
@RestController
public class LedgerImportController {
    private final LedgerImport ledgerImport;

    public LedgerImportController(LedgerImport ledgerImport) {
        this.ledgerImport = ledgerImport;
    }

    @Operation(summary = "Import a 台账 (Excel ledger), or preview it with dryRun=true",
            description = "multipart/form-data with the .xlsx in the field `file` (layout: docs/ledger.md, template: "
                    + "GET /api/ledger/template.xlsx on the query side). dryRun=true answers what would be recorded "
                    + "per row (NEW, ADDED, UNCHANGED, ERROR) and every error with its sheet, row and cell, writing "
                    + "nothing. Without it the rows become the ordinary commands, all in one transaction: any error "
                    + "refuses the whole file (400 ledger.invalid, errors per cell) and nothing is written. The same "
                    + "file again writes nothing (alreadyImported). An unreadable file is 400 ledger.unreadable, a "
                    + "file over 20 MiB 413 ledger.too-large. A clerk imports its own township's rows only. A cell that "
                    + "contradicts what is recorded is an error (与已录入不一致), unless correctionReason (a query or form "
                    + "field) is given: then a cell a correction form could change becomes that correction, with this "
                    + "reason (dates of the milestones, amounts, the attributes, the introducing department).")
    @PostMapping(path = "/api/ledger/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public LedgerPreview importLedger(@RequestPart(name = "file", required = false) MultipartFile file,
                                      @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun,
                                      @RequestParam(name = "correctionReason", required = false)
                                      String correctionReason)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new RefusedException(ErrorCode.LEDGER_UNREADABLE, "请在表单字段 file 中上传 .xlsx 台账文件");
        }
        Path temp = Files.createTempFile("ledger-", ".xlsx");
        try {
            file.transferTo(temp);
            return ledgerImport.run(temp, file.getOriginalFilename(), dryRun, correctionReason);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
