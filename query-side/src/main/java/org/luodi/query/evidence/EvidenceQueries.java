package org.luodi.query.evidence;

import org.luodi.events.EvidenceKind;
import org.luodi.events.Milestone;
import org.luodi.events.Verdict;
import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.project.FundArrival;
import org.luodi.query.project.ProjectState;
import org.luodi.query.project.ProjectVersions;
import org.luodi.query.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The evidence of a project or a ticket, with who may read it: a project's as the project itself (its township's
 * clerk, the department it is credited to, whoever sees every unit; 404 for an unknown project, 403 for another's),
 * a ticket's as the ticket ({@link TicketQueries#ticket}). All SQL over evidence and milestone_verification is here
 * and in {@link VerifiedMilestones}.
 */
@Component
public class EvidenceQueries {
    private static final String COLUMNS = "evidence_id, project_id, ticket_id, milestone, file_name, media_type, "
            + "size, sha256, kind, captured_at, latitude, longitude, attached_at, attached_by";

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectVersions projects;
    private final TicketQueries tickets;
    private final Clock clock;
    private final int photoDaysBefore;

    public EvidenceQueries(NamedParameterJdbcTemplate jdbc, ProjectVersions projects, TicketQueries tickets,
                           Clock clock, @Value("${luodi.evidence.photo-days-before:30}") int photoDaysBefore) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.tickets = tickets;
        this.clock = clock;
        this.photoDaysBefore = photoDaysBefore;
    }

    /** A milestone's finding now: who found it 已核实 or 存疑, when and why. */
    public record Finding(Milestone milestone, String milestoneLabel, Verdict verdict, String verdictLabel,
                          String reason, Instant recordedAt, String recordedBy) {
    }

    public record ProjectEvidence(String projectId, int photoDaysBefore, List<Finding> findings,
                                  List<EvidenceView> evidence) {
    }

    /** A stored file's row, for serving it: its recorded hash and type. */
    record Stored(String evidenceId, String fileName, String mediaType, long size, String sha256) {
    }

    public ProjectEvidence ofProject(LuodiUser user, String projectId) {
        ProjectState project = readable(user, projectId);
        List<FundArrival> arrivals = projects.arrivalsKnownAt(projectId, null);
        List<EvidenceView> evidence = jdbc.query("SELECT " + COLUMNS + " FROM evidence WHERE project_id = :id "
                        + "ORDER BY attached_at, evidence_id", new MapSqlParameterSource("id", projectId),
                (rs, i) -> view(rs, project, arrivals));
        List<Finding> findings = jdbc.query("SELECT DISTINCT ON (milestone) milestone, verdict, reason, recorded_at, "
                        + "recorded_by FROM milestone_verification WHERE project_id = :id "
                        + "ORDER BY milestone, recorded_at DESC, sequence_number DESC",
                new MapSqlParameterSource("id", projectId), (rs, i) -> finding(rs)).stream()
                .filter(f -> f.verdict() != null)
                .sorted(Comparator.comparing(Finding::milestone)).toList();
        return new ProjectEvidence(projectId, photoDaysBefore, findings, evidence);
    }

    public List<EvidenceView> ofTicket(LuodiUser user, String ticketId) {
        tickets.ticket(user, ticketId, LocalDate.now(clock)); // 404 / 403 as the ticket itself
        return jdbc.query("SELECT " + COLUMNS + " FROM evidence WHERE ticket_id = :id ORDER BY attached_at, "
                + "evidence_id", new MapSqlParameterSource("id", ticketId), (rs, i) -> view(rs, null, List.of()));
    }

    /** The file's row, once the caller may read its project or ticket; 404 when there is none. */
    Stored file(LuodiUser user, String evidenceId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT evidence_id, project_id, ticket_id, file_name, "
                + "media_type, size, sha256 FROM evidence WHERE evidence_id = :id", new MapSqlParameterSource("id",
                evidenceId));
        if (rows.isEmpty()) {
            throw new NotFoundException(NotFoundException.Kind.EVIDENCE, evidenceId);
        }
        Map<String, Object> row = rows.get(0);
        if (row.get("project_id") != null) {
            readable(user, (String) row.get("project_id"));
        } else {
            tickets.ticket(user, (String) row.get("ticket_id"), LocalDate.now(clock));
        }
        return new Stored(evidenceId, (String) row.get("file_name"), (String) row.get("media_type"),
                ((Number) row.get("size")).longValue(), ((String) row.get("sha256")).strip());
    }

    /** The project as it is now, if the caller may read it: the same rule as the project's page and history. */
    private ProjectState readable(LuodiUser user, String projectId) {
        ProjectState project = projects.knownAt(projectId, null)
                .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.PROJECT, projectId));
        if (user.isDepartment()) {
            if (!user.mayAccessProject(null, project.introducedBy())) {
                throw new ForbiddenException("部门单位只能查看记在本单位名下的项目");
            }
        } else if (!user.mayAccessTownship(project.township())) {
            throw ForbiddenException.otherTownship("不能查看其他乡镇的项目");
        }
        return project;
    }

    private EvidenceView view(ResultSet rs, ProjectState project, List<FundArrival> arrivals) throws SQLException {
        String id = rs.getString("evidence_id");
        Milestone milestone = rs.getString("milestone") == null ? null : Milestone.valueOf(rs.getString("milestone"));
        EvidenceKind kind = EvidenceKind.valueOf(rs.getString("kind"));
        Timestamp captured = rs.getTimestamp("captured_at");
        LocalDateTime capturedAt = captured == null ? null : captured.toLocalDateTime();
        LocalDate milestoneDate = project == null ? null : dateOf(milestone, project, arrivals);
        String mediaType = rs.getString("media_type");
        boolean image = mediaType.startsWith("image/");
        return new EvidenceView(id, rs.getString("project_id"), rs.getString("ticket_id"), milestone,
                milestone == null ? null : milestone.label(), milestoneDate, rs.getString("file_name"), mediaType,
                rs.getLong("size"), rs.getString("sha256").strip(), kind, kind.label(), capturedAt,
                (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                predates(capturedAt, milestoneDate), rs.getTimestamp("attached_at").toInstant(),
                rs.getString("attached_by"), "/api/evidence/" + id,
                image ? "/api/evidence/" + id + "/thumbnail" : null);
    }

    /** Taken more than the configured days before the milestone's date (a photo of the day before is fine). */
    boolean predates(LocalDateTime capturedAt, LocalDate milestoneDate) {
        return capturedAt != null && milestoneDate != null
                && capturedAt.toLocalDate().isBefore(milestoneDate.minusDays(photoDaysBefore));
    }

    /** The milestone's date as recorded now; for 到位资金 the first arrival's. */
    private static LocalDate dateOf(Milestone milestone, ProjectState p, List<FundArrival> arrivals) {
        if (milestone == null) {
            return null;
        }
        return switch (milestone) {
            case SIGNING -> p.signedOn();
            case REGISTRATION -> p.registeredOn();
            case START -> p.startedOn();
            case STORAGE -> p.storedOn();
            case PRODUCTION -> p.productionOn();
            case TERMINATION -> p.terminatedOn();
            case FUNDS -> arrivals.stream().map(FundArrival::arrivedOn).min(Comparator.naturalOrder()).orElse(null);
        };
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        Milestone milestone = Milestone.valueOf(rs.getString("milestone"));
        Verdict verdict = rs.getString("verdict") == null ? null : Verdict.valueOf(rs.getString("verdict"));
        return new Finding(milestone, milestone.label(), verdict, verdict == null ? null : verdict.label(),
                rs.getString("reason"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }
}
