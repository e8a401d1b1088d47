package org.luodi.command.ledger;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.luodi.command.api.CommandSender;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.RefusedException;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.luodi.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Imports a 台账 (issue #18): every row becomes the ordinary commands of {@code InvestmentProject} (signing, then the
 * milestones and fund arrivals it has reached that the project does not hold yet), sent with the importing user as
 * actor and "台账导入 file name" as reason, all inside ONE database transaction: Axon's units of work join it, so
 * thousands of events commit together, and one error anywhere rolls the whole file back (all or nothing). A dry run
 * is the same run, rolled back: its preview shows exactly what the aggregate's rules say.
 * <p>
 * A real import first locks {@code domain_event_entry} against other writers (SHARE ROW EXCLUSIVE: readers go on,
 * forms wait for the commit). So two imports never interleave (the same file imported twice at once is recorded
 * once: the second finds the first's {@code ledger_import} row), the comparison with what is recorded cannot be
 * overtaken by a form, and no event committed meanwhile gets a global index above the import's uncommitted ones
 * (which the query side's processors would have to keep as gaps).
 */
@Component
public class LedgerImport {
    private static final Logger log = LoggerFactory.getLogger(LedgerImport.class);
    static final String REASON_PREFIX = "台账导入 ";

    final CommandSender sender;
    private final EventStore eventStore;
    final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ReferenceData reference;

    public LedgerImport(CommandSender sender, EventStore eventStore, JdbcTemplate jdbc,
                        PlatformTransactionManager transactions, ReferenceData reference) {
        this.sender = sender;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.reference = reference;
    }

    /**
     * Previews ({@code dryRun}) or records {@code file}. With a {@code correctionReason}, a cell that contradicts
     * what is recorded and that a correction form could change becomes that correction, with this reason, instead
     * of an error: the office has looked at the preview and says its ledger is right.
     */
    public LedgerPreview run(Path file, String fileName, boolean dryRun, String correctionReason) {
        long started = System.nanoTime();
        String name = fileName == null || fileName.isBlank() ? "台账.xlsx" : Path.of(fileName).getFileName().toString();
        LuodiUser user = LuodiUser.current();
        if (user.role() != Role.CLERK && user.role() != Role.SUPERVISOR) {
            throw new org.luodi.platform.problem.ForbiddenException("只有乡镇专班和市级督查人员可以导入台账");
        }
        String sha = sha256(file);
        Ledger ledger = LedgerParser.parse(file, reference);
        long parsed = System.nanoTime();
        LedgerRun result = transaction.execute(status -> {
            if (!dryRun) {
                jdbc.execute("LOCK TABLE domain_event_entry IN SHARE ROW EXCLUSIVE MODE");
            }
            boolean already = Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM ledger_import WHERE sha256 = ?)", Boolean.class, sha));
            LedgerRun r = new LedgerRun(ledger, dryRun, already, correctionReason == null || correctionReason.isBlank()
                    ? null : correctionReason.strip());
            if (already && !dryRun) {
                status.setRollbackOnly();
                r.plan(this, user);
                r.planned = r.sent = System.nanoTime();
                return r;
            }
            r.plan(this, user);
            r.planned = System.nanoTime();
            if (ledger.errors.isEmpty()) {
                r.execute(this, name);
            }
            r.sent = System.nanoTime();
            if (!ledger.errors.isEmpty() || dryRun || r.events == 0) {
                status.setRollbackOnly();
            } else {
                jdbc.update("INSERT INTO ledger_import (sha256, file_name, username, project_rows, funds_rows, events) "
                                + "VALUES (?, ?, ?, ?, ?, ?)", sha, name, user.username(), ledger.projects.size(),
                        ledger.funds.size(), r.events);
                r.recorded = true;
            }
            return r;
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        LedgerPreview preview = Objects.requireNonNull(result).preview(name, sha, millis);
        log.info("ledger {} ({}): {} project rows, {} funds rows, {} events {} in {} ms (read {}, planned {}, sent {}){}",
                name, sha.substring(0, 12), ledger.projects.size(), ledger.funds.size(), result.events,
                result.recorded ? "recorded" : "not recorded", millis, (parsed - started) / 1_000_000,
                (result.planned - parsed) / 1_000_000, (result.sent - result.planned) / 1_000_000,
                dryRun ? " (dry run)" : "");
        if (!dryRun && !ledger.errors.isEmpty()) {
            throw new RefusedException(ErrorCode.LEDGER_INVALID, "台账有 " + ledger.errors.size()
                    + " 处错误，整个文件都没有写入：" + ledger.errors.stream().limit(3)
                    .map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "；" + b).orElse("")
                    + (ledger.errors.size() > 3 ? "……" : ""),
                    ledger.errors.stream().map(e -> new FieldProblem(e.field(), e.message())).toList());
        }
        return preview;
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw WorkbookReader.unreadable("无法读取上传的文件");
        }
    }

    Recorded recorded(String projectId) {
        List<Object> events = new ArrayList<>();
        eventStore.readEvents(projectId).asStream().map(DomainEventMessage::getPayload).forEach(events::add);
        return events.isEmpty() ? null : Recorded.of(events);
    }

    String townshipName(String code) {
        ReferenceData.Township t = code == null ? null : reference.township(code);
        return t == null ? String.valueOf(code) : t.name();
    }
}
