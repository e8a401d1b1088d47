package org.luodi.query.ticket;

import org.luodi.events.Departments;
import org.luodi.events.EscalationLevel;
import org.luodi.events.EventDescriptions;
import org.luodi.events.TicketCategory;
import org.luodi.events.TicketStatus;
import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.project.ProjectVersions;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tickets' lists, pages and counts, every SQL statement over the tickets' tables. Who sees what is decided here,
 * where the data is read: a clerk its own township's tickets, a department those assigned to it now, supervisors and
 * administrators all.
 */
@Service
public class TicketQueries {
    private static final String COLUMNS = "ticket_id, project_id, township, category, description, status, "
            + "department, working_days, assigned_on, due_on, calendar_assumed, answered_on, answer, escalation, "
            + "closed_on, raised_on, raised_by";

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectVersions projects;
    private final ReferenceData reference;

    public TicketQueries(NamedParameterJdbcTemplate jdbc, ProjectVersions projects, ReferenceData reference) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.reference = reference;
    }

    /**
     * What a list asks for; null fields do not filter. {@code overdue}: only tickets overdue on asOf; {@code open}:
     * only those not closed; {@code leader}: only those of the projects that leader 包保s now.
     */
    public record Filter(TicketStatus status, boolean overdue, String projectId, String township, String department,
                         boolean open, String leader) {
    }

    public record Page(List<TicketView> content, int page, int size, long totalElements, int totalPages) {
    }

    /** One department's tickets on a day: waiting on it or answered and not yet closed, and of those overdue. */
    public record DepartmentCount(String department, String name, long open, long overdue) {
    }

    public Page list(LuodiUser user, Filter filter, LocalDate asOf, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf);
        StringBuilder where = new StringBuilder(" WHERE true");
        String township = narrowTownship(user, filter.township());
        String department = narrowDepartment(user, filter.department());
        if (township != null) {
            where.append(" AND township = :township");
            params.addValue("township", township);
        }
        if (department != null) {
            where.append(" AND department = :department");
            params.addValue("department", department);
        }
        if (filter.status() != null) {
            where.append(" AND status = :status");
            params.addValue("status", filter.status().name());
        }
        if (filter.overdue()) {
            where.append(" AND status = 'ASSIGNED' AND due_on < :asOf");
        }
        if (filter.projectId() != null) {
            where.append(" AND project_id = :project");
            params.addValue("project", filter.projectId());
        }
        if (filter.open()) {
            where.append(" AND status <> 'CLOSED'");
        }
        if (filter.leader() != null) {
            where.append(" AND project_id IN (SELECT project_id FROM project_version WHERE recorded_to IS NULL "
                    + "AND leader = :leader)");
            params.addValue("leader", filter.leader());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM ticket_now" + where, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM ticket_now" + where
                + " ORDER BY (status = 'ASSIGNED' AND due_on < :asOf) DESC, (status = 'CLOSED'), due_on NULLS LAST, "
                + "raised_on DESC, ticket_id LIMIT :limit OFFSET :offset", params, TicketQueries::row);
        long count = total == null ? 0 : total;
        return new Page(views(rows, asOf), page, size, count, (int) ((count + size - 1) / size));
    }

    /** One ticket with its history; 404 when it is unknown, 403 when it is not the caller's to see. */
    public TicketView ticket(LuodiUser user, String ticketId, LocalDate asOf) {
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM ticket_now WHERE ticket_id = :id",
                new MapSqlParameterSource("id", ticketId), TicketQueries::row);
        if (rows.isEmpty()) {
            throw new NotFoundException(NotFoundException.Kind.TICKET, ticketId);
        }
        Row row = rows.get(0);
        if (user.isClerk() && !user.township().equals(row.township())) {
            throw ForbiddenException.otherTownship("不能查看其他乡镇的问题");
        }
        if (user.isDepartment() && !user.department().equals(row.department())) {
            throw new ForbiddenException("该问题未交办给本部门");
        }
        List<TicketView.Entry> history = jdbc.query("SELECT sequence_number, type, occurred_on, recorded_at, actor, "
                        + "role, reason, summary FROM ticket_event WHERE ticket_id = :id ORDER BY sequence_number",
                new MapSqlParameterSource("id", ticketId), (rs, i) -> new TicketView.Entry(rs.getLong(1),
                        rs.getString(2), EventDescriptions.TICKET_TYPE_LABELS.get(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getTimestamp(4).toInstant(), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)));
        return views(List.of(row), asOf).get(0).withHistory(history);
    }

    /**
     * Per department of 附件2 (in its order, departments without tickets left out): the tickets it holds on
     * {@code asOf} as recorded by {@code knownAt}, and of those the overdue. Today's counts read the tickets' rows;
     * any other moment replays the history (the latest event of each ticket by then). {@code township} null: all.
     */
    public List<DepartmentCount> perDepartment(LocalDate asOf, Instant knownAt, LocalDate today, String township,
                                               String department) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf)
                .addValue("township", township).addValue("department", department);
        String source;
        if (knownAt == null && !asOf.isBefore(today)) {
            source = "SELECT status, department, due_on FROM ticket_now WHERE (CAST(:township AS varchar) IS NULL "
                    + "OR township = :township)";
        } else {
            params.addValue("knownAt", knownAt == null ? null : Timestamp.from(knownAt));
            source = "SELECT DISTINCT ON (e.ticket_id) e.status, e.department, e.due_on FROM ticket_event e "
                    + "JOIN ticket_now t ON t.ticket_id = e.ticket_id WHERE e.occurred_on <= :asOf "
                    + "AND (CAST(:knownAt AS timestamptz) IS NULL OR e.recorded_at <= :knownAt) "
                    + "AND (CAST(:township AS varchar) IS NULL OR t.township = :township) "
                    + "ORDER BY e.ticket_id, e.sequence_number DESC";
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        jdbc.query("SELECT department, count(*) FILTER (WHERE status IN ('ASSIGNED', 'ANSWERED')), "
                + "count(*) FILTER (WHERE status = 'ASSIGNED' AND due_on < :asOf) FROM (" + source + ") s "
                + "WHERE department IS NOT NULL AND (CAST(:department AS varchar) IS NULL OR department = :department) "
                + "GROUP BY department", params, rs -> {
            counts.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
        });
        List<DepartmentCount> rows = new ArrayList<>();
        for (Departments.Department d : Departments.all()) {
            long[] n = counts.get(d.code());
            if (n != null && (n[0] > 0 || n[1] > 0)) {
                rows.add(new DepartmentCount(d.code(), d.name(), n[0], n[1]));
            }
        }
        return rows;
    }

    /** The clerk's own township, whatever it asked for (asking for another is refused). */
    static String narrowTownship(LuodiUser user, String wanted) {
        if (user.isClerk()) {
            if (wanted != null && !wanted.equals(user.township())) {
                throw ForbiddenException.otherTownship("不能查看其他乡镇的问题");
            }
            return user.township();
        }
        return wanted;
    }

    static String narrowDepartment(LuodiUser user, String wanted) {
        if (user.isDepartment()) {
            if (wanted != null && !wanted.equals(user.department())) {
                throw new ForbiddenException("只能查看交办给本部门的问题");
            }
            return user.department();
        }
        return wanted;
    }

    private List<TicketView> views(List<Row> rows, LocalDate asOf) {
        Map<String, String> names = projects.currentNames(rows.stream().map(Row::projectId).distinct().toList());
        return rows.stream().map(r -> view(r, names.get(r.projectId()), asOf)).toList();
    }

    private TicketView view(Row r, String projectName, LocalDate asOf) {
        boolean overdue = r.status() == TicketStatus.ASSIGNED && r.dueOn() != null && r.dueOn().isBefore(asOf);
        var township = reference.township(r.township());
        return new TicketView(r.ticketId(), r.projectId(), projectName, r.township(),
                township == null ? r.township() : township.name(), r.category(), r.category().label(),
                r.description(), r.status(), r.status().label(), r.department(), Departments.nameOf(r.department()),
                r.workingDays(), r.assignedOn(), r.dueOn(), r.calendarAssumed(), r.answeredOn(), r.answer(),
                r.escalation(), r.closedOn(), r.raisedOn(), r.raisedBy(), overdue,
                overdue ? ChronoUnit.DAYS.between(r.dueOn(), asOf) : 0, null);
    }

    private record Row(String ticketId, String projectId, String township, TicketCategory category,
                       String description, TicketStatus status, String department, Integer workingDays,
                       LocalDate assignedOn, LocalDate dueOn, boolean calendarAssumed, LocalDate answeredOn,
                       String answer, EscalationLevel escalation, LocalDate closedOn, LocalDate raisedOn,
                       String raisedBy) {
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        String escalation = rs.getString("escalation");
        return new Row(rs.getString("ticket_id"), rs.getString("project_id"), rs.getString("township"),
                TicketCategory.valueOf(rs.getString("category")), rs.getString("description"),
                TicketStatus.valueOf(rs.getString("status")), rs.getString("department"),
                rs.getObject("working_days", Integer.class), rs.getObject("assigned_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getBoolean("calendar_assumed"),
                rs.getObject("answered_on", LocalDate.class), rs.getString("answer"),
                escalation == null ? null : EscalationLevel.valueOf(escalation),
                rs.getObject("closed_on", LocalDate.class), rs.getObject("raised_on", LocalDate.class),
                rs.getString("raised_by"));
    }
}
