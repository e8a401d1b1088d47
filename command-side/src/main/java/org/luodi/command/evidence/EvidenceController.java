package org.luodi.command.evidence;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.command.api.AggregateCalls;
import org.luodi.command.api.IdempotentCommands;
import org.luodi.command.evidence.EvidenceCommands.AttachEvidence;
import org.luodi.command.evidence.EvidenceCommands.AttachTicketEvidence;
import org.luodi.command.evidence.EvidenceCommands.VerifyMilestone;
import org.luodi.command.ticket.TicketCommandController;
import org.luodi.events.EvidenceFile;
import org.luodi.events.EvidenceKind;
import org.luodi.events.Milestone;
import org.luodi.events.Verdict;
import org.luodi.platform.evidence.EvidenceStore;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.web.BodySizeLimitFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * 实证 (#19) over HTTP. An upload is received first, with no database connection held while its bytes arrive (the
 * multipart body is on disk before this runs; {@link ReceivedFile} hashes and checks it); then, in one transaction,
 * the bytes are stored under their SHA-256 and the command is sent, so a refused command (another township, a
 * milestone not reached) leaves no bytes behind in the default store.
 */
@RestController
public class EvidenceController {
    private static final String KEY = "Idempotency-Key";

    private final IdempotentCommands commands;
    private final EvidenceStore store;
    private final TransactionTemplate transaction;

    public EvidenceController(IdempotentCommands commands, EvidenceStore store,
                              PlatformTransactionManager transactions) {
        this.commands = commands;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What an upload's idempotency fingerprint covers: the file by its hash, and the form's fields. */
    record UploadFingerprint(String sha256, String fileName, Milestone milestone, EvidenceKind kind) {
    }

    public record VerificationRequest(Milestone milestone, Verdict verdict, String reason) {
    }

    @Operation(summary = "Attach a file of proof to the project (实证)",
            description = "multipart/form-data: the file in `file` (JPEG, PNG or PDF by its content, whatever its "
                    + "name; otherwise 415 evidence.unsupported-type), up to 20 MiB (413 evidence.too-large); "
                    + "`kind` (CONTRACT 合同文本, SITE_PHOTO 现场施工照片, BUSINESS_LICENCE 营业执照, BANK_RECEIPT 银行回单, "
                    + "OTHER), `milestone` (SIGNING, REGISTRATION, START, STORAGE, PRODUCTION, FUNDS; one the project "
                    + "has reached, else 409 milestone.not-recorded; left out: the project as a whole). By the clerk "
                    + "of the project's township or a supervisor. The event records the name, type, size, SHA-256 "
                    + "and a photo's EXIF capture time and GPS position; 201 with evidenceId, sha256, mediaType, size.")
    @PostMapping(path = "/api/projects/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Object> attach(@PathVariable String id,
                                         @RequestPart(name = "file", required = false) MultipartFile file,
                                         @RequestParam(name = "milestone", required = false) Milestone milestone,
                                         @RequestParam(name = "kind", required = false) EvidenceKind kind,
                                         @RequestHeader(name = KEY, required = false) String key) throws IOException {
        String projectId = AggregateCalls.pathId(id, NotFoundException.Kind.PROJECT);
        try (ReceivedFile received = receive(file, kind)) {
            String evidenceId = UUID.randomUUID().toString();
            EvidenceFile described = received.describe(file.getOriginalFilename(), kind);
            return storeAndSend(received, () -> commands.send(key, "POST /api/projects/" + projectId + "/evidence",
                    new UploadFingerprint(received.sha256, described.fileName(), milestone, kind),
                    new AttachEvidence(projectId, evidenceId, milestone, described),
                    answer(projectId, "projectId", evidenceId, described), HttpStatus.CREATED, null));
        }
    }

    @Operation(summary = "Attach a file to a problem ticket",
            description = "multipart/form-data as for a project's evidence (file, kind; no milestone). By the clerk "
                    + "of the project's township, a supervisor, or the department the ticket is assigned to; not to "
                    + "a closed ticket. 201 with evidenceId, sha256, mediaType, size.")
    @PostMapping(path = "/api/tickets/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Object> attachToTicket(@PathVariable String id,
                                                 @RequestPart(name = "file", required = false) MultipartFile file,
                                                 @RequestParam(name = "kind", required = false) EvidenceKind kind,
                                                 @RequestHeader(name = KEY, required = false) String key)
            throws IOException {
        String ticketId = AggregateCalls.pathId(id, NotFoundException.Kind.TICKET);
        try (ReceivedFile received = receive(file, kind)) {
            String evidenceId = UUID.randomUUID().toString();
            EvidenceFile described = received.describe(file.getOriginalFilename(), kind);
            return storeAndSend(received, () -> TicketCommandController.KIND.once(ticketId, () -> commands.send(key,
                    "POST /api/tickets/" + ticketId + "/evidence",
                    new UploadFingerprint(received.sha256, described.fileName(), null, kind),
                    new AttachTicketEvidence(ticketId, evidenceId, described),
                    answer(ticketId, "ticketId", evidenceId, described), HttpStatus.CREATED, null)));
        }
    }

    @Operation(summary = "Mark a milestone 已核实 or 存疑 (supervisors)",
            description = "JSON {milestone, verdict: VERIFIED | DOUBTFUL, reason}; reason is required for DOUBTFUL. "
                    + "The milestone must have been reached; a later finding replaces the earlier one.")
    @PostMapping("/api/projects/{id}/verification")
    public ResponseEntity<Object> verify(@PathVariable String id, @RequestBody VerificationRequest body,
                                         @RequestHeader(name = KEY, required = false) String key) {
        String projectId = AggregateCalls.pathId(id, NotFoundException.Kind.PROJECT);
        return commands.send(key, "POST /api/projects/" + projectId + "/verification", body,
                new VerifyMilestone(projectId, body.milestone(), body.verdict(), body.reason()), projectId,
                HttpStatus.OK, body.reason());
    }

    /** The form's own checks first, so that a file with no kind is refused before its bytes are read. */
    private static ReceivedFile receive(MultipartFile file, EvidenceKind kind) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "请在表单字段 file 中上传文件（JPEG、PNG 或 PDF）");
        }
        if (kind == null) {
            throw new InvalidInputException("kind", "必填");
        }
        try (InputStream in = file.getInputStream()) {
            return ReceivedFile.receive(in, BodySizeLimitFilter.EVIDENCE_FILE_LIMIT);
        }
    }

    private ResponseEntity<Object> storeAndSend(ReceivedFile received,
                                                java.util.function.Supplier<ResponseEntity<Object>> sending) {
        return transaction.execute(status -> {
            try {
                store.put(received.sha256, received.path, received.size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return sending.get();
        });
    }

    private static Map<String, Object> answer(String id, String idName, String evidenceId, EvidenceFile file) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(idName, id);
        answer.put("evidenceId", evidenceId);
        answer.put("sha256", file.sha256());
        answer.put("mediaType", file.mediaType());
        answer.put("size", file.size());
        return answer;
    }

}
