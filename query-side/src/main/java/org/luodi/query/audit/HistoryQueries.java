package org.luodi.query.audit;

import org.luodi.events.EventDescriptions;
import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.project.ProjectState;
import org.luodi.query.project.ProjectVersions;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads of the "project-history" model: one project's events, and the audit search across projects. */
@Service
public class HistoryQueries {
    static final RowMapper<HistoryEntry> ENTRY = (rs, i) -> new HistoryEntry(rs.getString("project_id"),
            rs.getLong("sequence_number"), rs.getString("type"), rs.getObject("occurred_on", LocalDate.class),
            rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"), rs.getString("role"),
            rs.getString("actor_township"), rs.getString("project_township"), rs.getString("reason"),
            rs.getString("data"), EventDescriptions.describe(rs.getString("type"), rs.getString("data")));

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectVersions versions;

    public HistoryQueries(NamedParameterJdbcTemplate jdbc, ProjectVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    public record History(String projectId, List<HistoryEntry> events) {
    }

    public record AuditPage(List<HistoryEntry> events, int page, int size, long totalElements) {
    }

    public record AuditFilter(String actor, String township, String type, Instant from, Instant to) {
    }

    /**
     * Every event of the project, oldest first; with {@code knownAt}, only those recorded by then. A clerk reads the
     * history of its township's projects as they are now, whatever {@code knownAt}: a project moved to another
     * township ({@code AttributesCorrected}) takes its whole history to the new township's clerk, and the old
     * township's clerk reads it no more.
     */
    public History history(LuodiUser user, String projectId, Instant knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", projectId);
        String sql = "SELECT * FROM project_event WHERE project_id = :id";
        if (knownAt != null) {
            sql += " AND recorded_at <= :knownAt";
            params.addValue("knownAt", Timestamp.from(knownAt));
        }
        List<HistoryEntry> events = jdbc.query(sql + " ORDER BY sequence_number", params, ENTRY);
        if (events.isEmpty()) {
            throw new NotFoundException(NotFoundException.Kind.PROJECT, projectId);
        }
        if (user.isDepartment()) {
            // the history carries no credit: a department may read it while the project is credited to it
            String credited = versions.knownAt(projectId, knownAt).map(ProjectState::introducedBy).orElse(null);
            if (!user.mayAccessProject(null, credited)) {
                throw new ForbiddenException("部门单位只能查看记在本单位名下的项目");
            }
        } else if (!user.mayAccessTownship(currentTownship(projectId))) {
            throw ForbiddenException.otherTownship("不能查看其他乡镇的项目");
        }
        return new History(projectId, events);
    }

    /** The project's township after its latest event, as the history read model keeps it. */
    private String currentTownship(String projectId) {
        return jdbc.queryForObject("SELECT project_township FROM project_event WHERE project_id = :id "
                + "ORDER BY sequence_number DESC LIMIT 1", new MapSqlParameterSource("id", projectId), String.class);
    }

    /** Supervisors' search across projects by who, which township, which event type and when it was recorded. */
    public AuditPage search(AuditFilter filter, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> where = new ArrayList<>(List.of("TRUE"));
        if (filter.actor() != null) {
            where.add("actor = :actor");
            params.addValue("actor", filter.actor());
        }
        if (filter.township() != null) {
            where.add("project_township = :township");
            params.addValue("township", filter.township());
        }
        if (filter.type() != null) {
            where.add("type = :type");
            params.addValue("type", filter.type());
        }
        if (filter.from() != null) {
            where.add("recorded_at >= :from");
            params.addValue("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.add("recorded_at <= :to");
            params.addValue("to", Timestamp.from(filter.to()));
        }
        String from = " FROM project_event WHERE " + String.join(" AND ", where);
        long total = jdbc.queryForObject("SELECT count(*)" + from, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<HistoryEntry> events = jdbc.query("SELECT *" + from
                + " ORDER BY recorded_at DESC, global_index DESC LIMIT :limit OFFSET :offset", params, ENTRY);
        return new AuditPage(events, page, size, total);
    }
}
