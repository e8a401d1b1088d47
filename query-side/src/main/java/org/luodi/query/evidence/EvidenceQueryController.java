package org.luodi.query.evidence;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.platform.security.LuodiUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * 实证 read over HTTP: the list of a project's or a ticket's files with the findings, a file, a thumbnail. Files are
 * served as what their first bytes were found to be (only JPEG, PNG and PDF are ever stored), never sniffed by the
 * browser (nosniff), in a sandbox (no script runs, no same-origin access); images inline, a PDF as a download.
 */
@RestController
public class EvidenceQueryController {
    private static final Set<String> INLINE = Set.of(MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE);

    private final EvidenceQueries queries;
    private final EvidenceFiles files;

    public EvidenceQueryController(EvidenceQueries queries, EvidenceFiles files) {
        this.queries = queries;
        this.files = files;
    }

    @Operation(summary = "A project's evidence (实证) per milestone, with the supervisors' findings",
            description = "Every file attached to the project (milestone null: the project as a whole) with its "
                    + "name, type, size, SHA-256, kind, a photo's EXIF capture time and GPS position, and "
                    + "predatesMilestone: captured more than photoDaysBefore days before the milestone's date; "
                    + "findings: each milestone's latest 已核实 / 存疑. Readable as the project is.")
    @GetMapping("/api/projects/{id}/evidence")
    public EvidenceQueries.ProjectEvidence project(@PathVariable String id) {
        return queries.ofProject(LuodiUser.current(), id);
    }

    @Operation(summary = "A ticket's files", description = "Readable as the ticket is.")
    @GetMapping("/api/tickets/{id}/evidence")
    public List<EvidenceView> ticket(@PathVariable String id) {
        return queries.ofTicket(LuodiUser.current(), id);
    }

    @Operation(summary = "One evidence file",
            description = "Checked against the SHA-256 its event recorded (409 evidence.unverifiable otherwise); "
                    + "images inline, PDF as an attachment; X-Content-Type-Options: nosniff and "
                    + "Content-Security-Policy: sandbox.")
    @GetMapping("/api/evidence/{id}")
    public ResponseEntity<byte[]> file(@PathVariable String id) {
        EvidenceQueries.Stored file = queries.file(LuodiUser.current(), id);
        byte[] bytes = files.verified(file);
        boolean inline = INLINE.contains(file.mediaType());
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.fileName(), StandardCharsets.UTF_8).build();
        return guarded(ResponseEntity.ok(), inline ? file.mediaType() : MediaType.APPLICATION_PDF_VALUE)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(bytes);
    }

    @Operation(summary = "A thumbnail of an evidence photo",
            description = "A PNG of at most 320 pixels on its longer side, re-encoded from the photo's pixels (its "
                    + "metadata never read); 404 for a PDF; 415 for an image too large or not decodable.")
    @GetMapping("/api/evidence/{id}/thumbnail")
    public ResponseEntity<byte[]> thumbnail(@PathVariable String id) {
        EvidenceQueries.Stored file = queries.file(LuodiUser.current(), id);
        return guarded(ResponseEntity.ok(), MediaType.IMAGE_PNG_VALUE).body(files.thumbnail(file));
    }

    private static ResponseEntity.BodyBuilder guarded(ResponseEntity.BodyBuilder answer, String type) {
        return answer.contentType(MediaType.parseMediaType(type))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .cacheControl(CacheControl.noCache().cachePrivate());
    }
}
