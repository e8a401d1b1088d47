package org.luodi.query.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.security.BrowserSessions;
import org.luodi.platform.problem.Problem;
import org.luodi.platform.web.ProblemResponses;
import org.luodi.platform.web.BodySizeLimitFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The web UI lives on the query side, but commands belong to the command side: POST /api/projects and
 * POST /api/projects/{id}/{action}, and likewise POST /api/tickets and /api/tickets/{id}/{action}, are forwarded there with the caller's Authorization (a browser's, which signed in
 * by the form, is kept in its session: {@link BrowserSessions#forwardedAuthorization}), Content-Type and
 * Idempotency-Key and the raw body, and the command side's status, Content-Type and body come back unchanged.
 * The command side decides everything (who may do what, what is valid); this class only carries bytes.
 * <p>
 * Spring Security has authenticated the caller before this runs ({@code /api/**} needs it), so an anonymous request
 * never reaches the command side, and the body passes through {@link BodySizeLimitFilter} (1 MiB) while being read.
 */
@RestController
public class CommandProxyController {
    private static final Logger log = LoggerFactory.getLogger(CommandProxyController.class);
    /** The command side's actions (SPEC §7); anything else is not a command and is not forwarded. */
    static final Set<String> ACTIONS = Set.of("registration", "start", "storage", "production", "funds",
            "termination", "corrections", "retractions", "void", "credit", "attributes", "patronage", "verification");
    /** A ticket's actions on the command side (TicketCommandController). */
    static final Set<String> TICKET_ACTIONS = Set.of("assignment", "answer", "reopening", "closing", "escalation");
    /** A lead's actions on the command side (LeadCommandController). */
    static final Set<String> LEAD_ACTIONS = Set.of("assessment", "negotiation", "review", "progress", "first-report",
            "suspension", "resumption", "abandonment", "date-corrections");
    private static final List<String> FORWARDED = List.of(HttpHeaders.CONTENT_TYPE, "Idempotency-Key");
    private static final Duration LEDGER_TIMEOUT = Duration.ofMinutes(10);

    private final URI commandSide;
    private final HttpClient http;
    private final Duration timeout;

    public CommandProxyController(@Value("${luodi.command-side.url:http://localhost:8081}") String commandSideUrl,
                                  @Value("${luodi.command-side.timeout:PT30S}") Duration timeout) {
        String base = commandSideUrl.strip();
        this.commandSide = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Operation(summary = "Sign a project, forwarded to the command side",
            description = "The web UI's door: the signed-in user's command goes to the command side unchanged (its "
                    + "POST /api/projects) and its answer comes back; Idempotency-Key and confirmImplausible as "
                    + "there. 503 when the command side cannot be reached.")
    @PostMapping("/api/projects")
    public ResponseEntity<byte[]> sign(HttpServletRequest request) throws IOException {
        return forward(request, "/api/projects");
    }

    @Operation(summary = "Record a milestone or correction, forwarded to the command side",
            description = "action is one of the command side's (registration, start, storage, production, funds, "
                    + "termination, corrections, retractions, void, credit, attributes, patronage, verification); the answer "
                    + "is the command "
                    + "side's.")
    @PostMapping("/api/projects/{id}/{action}")
    public ResponseEntity<byte[]> milestone(@PathVariable String id, @PathVariable String action,
                                            HttpServletRequest request) throws IOException {
        if (!ACTIONS.contains(action)) {
            throw new NotFoundException(NotFoundException.Kind.RESOURCE, null, "没有这个录入操作：" + action);
        }
        return forward(request, "/api/projects/" + canonicalId(id, NotFoundException.Kind.PROJECT) + "/" + action);
    }

    @Operation(summary = "Raise a problem ticket, forwarded to the command side",
            description = "The command side's POST /api/tickets, unchanged; its answer comes back.")
    @PostMapping("/api/tickets")
    public ResponseEntity<byte[]> raiseTicket(HttpServletRequest request) throws IOException {
        return forward(request, "/api/tickets");
    }

    @Operation(summary = "Assign, answer, reopen, close or escalate a ticket, forwarded to the command side",
            description = "action is one of assignment, answer, reopening, closing, escalation; the answer is the "
                    + "command side's.")
    @PostMapping("/api/tickets/{id}/{action}")
    public ResponseEntity<byte[]> ticketAction(@PathVariable String id, @PathVariable String action,
                                               HttpServletRequest request) throws IOException {
        if (!TICKET_ACTIONS.contains(action)) {
            throw new NotFoundException(NotFoundException.Kind.RESOURCE, null, "没有这个问题办理操作：" + action);
        }
        return forward(request, "/api/tickets/" + canonicalId(id, NotFoundException.Kind.TICKET) + "/" + action);
    }

    @Operation(summary = "Report a lead (项目信息), forwarded to the command side",
            description = "The command side's POST /api/leads, unchanged; its answer comes back.")
    @PostMapping("/api/leads")
    public ResponseEntity<byte[]> recordLead(HttpServletRequest request) throws IOException {
        return forward(request, "/api/leads");
    }

    @Operation(summary = "Take a step on a lead, forwarded to the command side",
            description = "action is one of assessment, negotiation, review, progress, first-report, suspension, "
                    + "resumption, abandonment, date-corrections; the answer is the command side's.")
    @PostMapping("/api/leads/{id}/{action}")
    public ResponseEntity<byte[]> leadAction(@PathVariable String id, @PathVariable String action,
                                             HttpServletRequest request) throws IOException {
        if (!LEAD_ACTIONS.contains(action)) {
            throw new NotFoundException(NotFoundException.Kind.RESOURCE, null, "没有这个线索办理操作：" + action);
        }
        return forward(request, "/api/leads/" + canonicalId(id, NotFoundException.Kind.LEAD) + "/" + action);
    }

    @Operation(summary = "Import a 台账 (Excel ledger), forwarded to the command side",
            description = "The command side's POST /api/ledger/import: the multipart body (field file, up to 20 MiB) "
                    + "passes unchanged with its Content-Type and boundary; dryRun=true answers the preview. Its "
                    + "answer comes back unchanged.")
    @PostMapping("/api/ledger/import")
    public ResponseEntity<byte[]> importLedger(@RequestParam(name = "dryRun", required = false) Boolean dryRun,
                                               HttpServletRequest request) throws IOException {
        // a county's whole ledger takes longer than one command: up to ten minutes
        return forward(request, "/api/ledger/import" + (Boolean.TRUE.equals(dryRun) ? "?dryRun=true" : ""),
                timeout.compareTo(LEDGER_TIMEOUT) > 0 ? timeout : LEDGER_TIMEOUT);
    }

    @Operation(summary = "Attach a file of proof to a project (实证), forwarded to the command side",
            description = "The command side's POST /api/projects/{id}/evidence: the multipart body (file, kind, "
                    + "milestone; up to 20 MiB) streams through unchanged, never held whole here; its answer comes "
                    + "back unchanged.")
    @PostMapping("/api/projects/{id}/evidence")
    public ResponseEntity<byte[]> attachEvidence(@PathVariable String id, HttpServletRequest request)
            throws IOException {
        return stream(request, "/api/projects/" + canonicalId(id, NotFoundException.Kind.PROJECT) + "/evidence");
    }

    @Operation(summary = "Attach a file to a problem ticket, forwarded to the command side",
            description = "The command side's POST /api/tickets/{id}/evidence, streamed through like a project's "
                    + "evidence.")
    @PostMapping("/api/tickets/{id}/evidence")
    public ResponseEntity<byte[]> attachTicketEvidence(@PathVariable String id, HttpServletRequest request)
            throws IOException {
        return stream(request, "/api/tickets/" + canonicalId(id, NotFoundException.Kind.TICKET) + "/evidence");
    }

    private ResponseEntity<byte[]> forward(HttpServletRequest request, String path) throws IOException {
        return forward(request, path, timeout);
    }

    /**
     * An evidence upload: the body is passed on as it arrives (through {@link BodySizeLimitFilter}'s evidence
     * limit), with its length when the browser gave one, so that a 20 MiB photo is never held in memory here.
     */
    private ResponseEntity<byte[]> stream(HttpServletRequest request, String path) throws IOException {
        InputStream in = request.getInputStream();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> in);
        long length = request.getContentLengthLong();
        if (length >= 0) {
            body = HttpRequest.BodyPublishers.fromPublisher(body, length);
        }
        return send(request, path, LEDGER_TIMEOUT, body);
    }

    private ResponseEntity<byte[]> forward(HttpServletRequest request, String path, Duration timeout)
            throws IOException {
        return send(request, path, timeout, HttpRequest.BodyPublishers.ofByteArray(readBody(request)));
    }

    private ResponseEntity<byte[]> send(HttpServletRequest request, String path, Duration timeout,
                                        HttpRequest.BodyPublisher body) throws IOException {
        HttpRequest.Builder out = HttpRequest.newBuilder(commandSide.resolve(path))
                .timeout(timeout)
                .POST(body);
        String authorization = BrowserSessions.forwardedAuthorization(request);
        if (authorization != null) {
            out.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        for (String name : FORWARDED) {
            String value = request.getHeader(name);
            if (value != null) {
                out.header(name, value);
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
                    throw tooLarge; // a streamed upload ran past its limit: the caller's 413, not our 503
                }
            }
            log.warn("command side at {} unreachable: {}", commandSide, e.toString());
            return unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable();
        }
        ResponseEntity.BodyBuilder back = ResponseEntity.status(answer.statusCode());
        answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(type -> back.header(HttpHeaders.CONTENT_TYPE, type));
        return back.body(answer.body());
    }

    /**
     * The raw body, read through the limit of {@link BodySizeLimitFilter} (1 MiB, a ledger 20 MiB; past it: 413).
     * The query side resolves no multipart bodies (spring.servlet.multipart.enabled: false), so that a ledger's
     * upload reaches here as the browser sent it.
     */
    private static byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /**
     * A project id in the path is a UUID; anything else names no project (404 here, as the command side would
     * answer), and is never pasted into the forwarded URL.
     */
    private static String canonicalId(String id, NotFoundException.Kind kind) {
        try {
            String canonical = UUID.fromString(id).toString();
            if (canonical.equalsIgnoreCase(id)) {
                return id;
            }
        } catch (IllegalArgumentException ignored) {
            // fall through
        }
        throw new NotFoundException(kind, null);
    }

    private static ResponseEntity<byte[]> unavailable() {
        Problem problem = Problem.of(ErrorCode.COMMAND_SIDE_UNAVAILABLE);
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.bytes(problem));
    }
}
