package org.luodi.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.processing.ProcessingProgress;
import org.luodi.query.processing.ProcessorStatus;
import org.luodi.query.processing.ReadModelRebuild;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The administrators' view of the read models: progress of every processor, and rebuilding one of them. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class ProcessorAdminController {
    private final ProcessingProgress progress;
    private final ReadModelRebuild rebuild;

    public ProcessorAdminController(ProcessingProgress progress, ReadModelRebuild rebuild) {
        this.progress = progress;
        this.rebuild = rebuild;
    }

    public record Processors(Long head, boolean caughtUp, List<ProcessorStatus> processors) {
    }

    @Operation(summary = "Read models' progress against the head of the event store (admins)")
    @GetMapping("/api/admin/processors")
    public Processors processors() {
        List<ProcessorStatus> all = progress.all();
        return new Processors(progress.head(), all.stream().allMatch(ProcessorStatus::caughtUp), all);
    }

    /** 202: the replay runs in the background; poll GET /api/admin/processors for its progress. */
    @Operation(summary = "Rebuild one read model from the event store (admins)",
            description = "202: the replay runs in the background while the other read models keep serving; poll "
                    + "GET /api/admin/processors for its progress.")
    @PostMapping("/api/admin/rebuild/{processingGroup}")
    public ResponseEntity<ProcessorStatus> rebuild(@PathVariable String processingGroup) {
        return rebuild.rebuild(processingGroup)
                .map(status -> ResponseEntity.status(HttpStatus.ACCEPTED).body(status))
                .orElseThrow(() -> unknown(processingGroup));
    }


    private static NotFoundException unknown(String processingGroup) {
        return new NotFoundException(NotFoundException.Kind.READ_MODEL, processingGroup);
    }
}
