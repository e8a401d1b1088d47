package org.luodi.query.project;

import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;


/** Reads of the "project-versions" model: one project, and the searchable, paged list. */
@Service
public class ProjectQueries {
    private final ProjectVersions versions;
    private final NamedParameterJdbcTemplate jdbc;
    private final ReferenceData reference;

    public ProjectQueries(ProjectVersions versions, NamedParameterJdbcTemplate jdbc, ReferenceData reference) {
        this.versions = versions;
        this.jdbc = jdbc;
        this.reference = reference;
    }

    public record Filter(String township, String chain, String stage, LocalDate signedFrom, LocalDate signedTo,
                         String name, String leader) {
    }

    public record Page(List<ProjectView> content, int page, int size, long totalElements, int totalPages) {
    }

    /** One project as it stood at the end of {@code asOf}, as recorded up to {@code knownAt}. */
    public ProjectView project(LuodiUser user, String projectId, LocalDate asOf, Instant knownAt) {
        ProjectState known = versions.knownAt(projectId, knownAt)
                .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.PROJECT, projectId));
        if (user.isDepartment() && !user.mayAccessProject(null, known.introducedBy())) {
            throw new ForbiddenException("部门单位只能查看记在本单位名下的项目");
        }
        // a clerk reads a project while it is its township's now, its past included, as the history does: a project
        // moved to another township belongs to the new township's clerks from the move on (#17)
        String township = knownAt == null ? known.township()
                : versions.knownAt(projectId, null).map(ProjectState::township).orElse(known.township());
        if (!user.isDepartment() && !user.mayAccessTownship(township)) {
            throw ForbiddenException.otherTownship(known.township().equals(township) ? "不能查看其他乡镇的项目"
                    : "项目已移交其他乡镇，不能再查看");
        }
        if (known.signedOn().isAfter(asOf)) {
            throw new NotFoundException(NotFoundException.Kind.PROJECT, projectId, "项目在 " + asOf + " 尚未签约");
        }
        List<FundArrival> funds = versions.arrivalsKnownAt(projectId, knownAt).stream()
                .filter(f -> !f.arrivedOn().isAfter(asOf))
                .toList();
        return view(known.asOf(asOf), funds, asOf, knownAt);
    }

    /**
     * Projects signed by {@code asOf}, newest signing first, each with its stage and the funds arrived by then; a
     * clerk sees its own township only, a department the projects credited to it (at {@code knownAt}).
     */
    public Page list(LuodiUser user, Filter filter, LocalDate asOf, Instant knownAt, int page, int size) {
        Selection selection = select(user, filter, asOf, knownAt);
        String from = selection.from();
        MapSqlParameterSource params = selection.params();
        long total = jdbc.queryForObject("SELECT count(*)" + from, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<ProjectState> states = jdbc.query("SELECT " + ProjectVersions.COLUMNS + from
                + " ORDER BY p.signed_on DESC, p.project_id LIMIT :limit OFFSET :offset", params, ProjectVersions.STATE);
        return new Page(views(states, asOf, knownAt), page, size, total, (int) ((total + size - 1) / size));
    }

    /**
     * Every project of the list, in its order, {@code batch} at a time: for the 台账 export of a whole township,
     * where pages by OFFSET would read the township again for every page. Each batch continues after the last
     * project of the one before (signing date, then code), so a batch costs the same at the end as at the start.
     */
    public void each(LuodiUser user, Filter filter, LocalDate asOf, Instant knownAt, int batch,
                     Consumer<ProjectView> consumer) {
        Selection selection = select(user, filter, asOf, knownAt);
        MapSqlParameterSource params = selection.params().addValue("limit", batch);
        String first = "SELECT " + ProjectVersions.COLUMNS + selection.from();
        // the first condition alone lets the (township, signed_on) index start where the batch before stopped
        String next = first + " AND p.signed_on <= :lastSigned"
                + " AND (p.signed_on < :lastSigned OR p.project_id > :lastId)";
        String order = " ORDER BY p.signed_on DESC, p.project_id LIMIT :limit";
        List<ProjectState> states = jdbc.query(first + order, params, ProjectVersions.STATE);
        while (!states.isEmpty()) {
            views(states, asOf, knownAt).forEach(consumer);
            if (states.size() < batch) {
                return;
            }
            ProjectState last = states.get(states.size() - 1);
            params.addValue("lastSigned", last.signedOn()).addValue("lastId", last.projectId());
            states = jdbc.query(next + order, params, ProjectVersions.STATE);
        }
    }

    /** The FROM and WHERE of the list: what the caller may see (a clerk its township) narrowed by the filter. */
    private Selection select(LuodiUser user, Filter filter, LocalDate asOf, Instant knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf);
        List<String> where = new ArrayList<>(List.of("p.signed_on <= :asOf"));
        String township = user.isClerk() ? user.township() : filter.township();
        if (user.isClerk() && filter.township() != null && !filter.township().equals(user.township())) {
            throw ForbiddenException.otherTownship("不能查看其他乡镇的项目");
        }
        condition(where, params, township, "p.township = :township", "township");
        condition(where, params, user.department(), "p.introduced_by = :department", "department");
        condition(where, params, filter.chain(), "p.industry_chain = :chain", "chain");
        condition(where, params, filter.leader(), "p.leader = :leader", "leader");
        condition(where, params, filter.signedFrom(), "p.signed_on >= :signedFrom", "signedFrom");
        condition(where, params, filter.signedTo(), "p.signed_on <= :signedTo", "signedTo");
        if (filter.name() != null && !filter.name().isBlank()) {
            where.add("(p.name ILIKE :name OR p.investor ILIKE :name)");
            params.addValue("name", "%" + literal(filter.name().strip()) + "%");
        }
        if (filter.stage() != null) {
            where.add(Stage.SQL_AS_OF + " = :stage");
            params.addValue("stage", filter.stage());
        } else {
            where.add("NOT p.voided");
        }
        return new Selection(" FROM (" + versionsKnownAt(knownAt, params) + ") p WHERE " + String.join(" AND ", where),
                params);
    }

    private record Selection(String from, MapSqlParameterSource params) {
    }

    private List<ProjectView> views(List<ProjectState> states, LocalDate asOf, Instant knownAt) {
        Map<String, List<FundArrival>> funds = arrivals(states, asOf, knownAt);
        return states.stream()
                .map(s -> view(s.asOf(asOf), funds.getOrDefault(s.projectId(), List.of()), asOf, knownAt))
                .toList();
    }

    /** How many projects (current versions, voided ones left out) were signed in each year. */
    public Map<Integer, Long> signingsPerYear() {
        Map<Integer, Long> signings = new TreeMap<>();
        jdbc.query("""
                SELECT extract(YEAR FROM signed_on)::int AS year, count(*) AS signings FROM project_version
                WHERE recorded_to IS NULL AND NOT voided GROUP BY 1""",
                Map.of(), (RowCallbackHandler) rs -> signings.put(rs.getInt("year"), rs.getLong("signings")));
        return signings;
    }

    /** The arrivals (known at {@code knownAt}, arrived by {@code asOf}) of the listed projects, by project. */
    private Map<String, List<FundArrival>> arrivals(List<ProjectState> states, LocalDate asOf, Instant knownAt) {
        Map<String, List<FundArrival>> funds = new HashMap<>();
        if (states.isEmpty()) {
            return funds;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf)
                .addValue("ids", states.stream().map(ProjectState::projectId).toList());
        jdbc.query("SELECT * FROM (" + arrivalsKnownAt(knownAt, params) + ") a WHERE a.project_id IN (:ids) "
                + "AND a.arrived_on <= :asOf ORDER BY a.project_id, a.arrival_no", params, (RowCallbackHandler) rs ->
                funds.computeIfAbsent(rs.getString("project_id"), id -> new ArrayList<>())
                        .add(ProjectVersions.ARRIVAL.mapRow(rs, 0)));
        return funds;
    }

    /** {@code text} for a LIKE pattern that matches it literally (PostgreSQL's escape character is \). */
    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The project_version rows valid at record time {@code knownAt}: the current ones when it is null. */
    public static String versionsKnownAt(Instant knownAt, MapSqlParameterSource params) {
        if (knownAt == null) {
            return "SELECT * FROM project_version WHERE recorded_to IS NULL";
        }
        params.addValue("knownAt", Timestamp.from(knownAt));
        return "SELECT * FROM project_version WHERE recorded_from <= :knownAt "
                + "AND (recorded_to IS NULL OR recorded_to > :knownAt)";
    }

    /** The fund_arrival_version rows valid at record time {@code knownAt}. */
    public static String arrivalsKnownAt(Instant knownAt, MapSqlParameterSource params) {
        if (knownAt == null) {
            return "SELECT * FROM fund_arrival_version WHERE recorded_to IS NULL";
        }
        params.addValue("knownAt", Timestamp.from(knownAt));
        return "SELECT * FROM fund_arrival_version WHERE recorded_from <= :knownAt "
                + "AND (recorded_to IS NULL OR recorded_to > :knownAt)";
    }

    private ProjectView view(ProjectState s, List<FundArrival> funds, LocalDate asOf, Instant knownAt) {
        var township = reference.township(s.township());
        var chain = reference.chain(s.industryChain());
        return ProjectView.of(s, funds, township == null ? null : township.name(), chain == null ? null : chain.name(),
                asOf, knownAt);
    }

    private static void condition(List<String> where, MapSqlParameterSource params, Object value, String sql,
                                  String name) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.add(sql);
            params.addValue(name, value);
        }
    }

}
