package org.luodi.query.project;

import org.luodi.events.InvestorCategory;
import org.luodi.events.ProjectType;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The tables of the "project-versions" read model: project_version and fund_arrival_version. */
@Repository
public class ProjectVersions {
    static final String COLUMNS = "project_id, name, investor, township, industry_chain, industrial, "
            + "contract_amount_wan, source_region, signed_on, introduced_by, introduced_by_text, "
            + "planned_investment_at_signing_wan, types, investor_categories, registered_on, company_name, credit_code, "
            + "foreign_invested, export_oriented, started_on, start_kind, stored_on, planned_investment_wan, production_on, "
            + "terminated_on, termination_reason, voided, leader, service_team";

    static final RowMapper<ProjectState> STATE = ProjectVersions::state;
    static final RowMapper<FundArrival> ARRIVAL = (rs, i) -> new FundArrival(rs.getInt("arrival_no"),
            rs.getObject("arrived_on", LocalDate.class), SourceRegion.valueOf(rs.getString("source")),
            strip(rs.getBigDecimal("amount_wan")), strip(rs.getBigDecimal("amount_usd_wan")));

    private final JdbcTemplate jdbc;

    public ProjectVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProjectState> current(String projectId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM project_version WHERE project_id = ? AND recorded_to IS NULL",
                STATE, projectId).stream().findFirst();
    }

    /** The current name of each of {@code projectIds} that is known (for lists of things about projects: tickets). */
    public java.util.Map<String, String> currentNames(java.util.Collection<String> projectIds) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        if (!projectIds.isEmpty()) {
            jdbc.query("SELECT project_id, name FROM project_version WHERE project_id = ANY (?) AND recorded_to IS NULL",
                    rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    }, (Object) projectIds.toArray(String[]::new));
        }
        return names;
    }

    /** The version valid at record time {@code knownAt} (the current one when null). */
    public Optional<ProjectState> knownAt(String projectId, Instant knownAt) {
        if (knownAt == null) {
            return current(projectId);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM project_version WHERE project_id = ? AND recorded_from <= ? "
                        + "AND (recorded_to IS NULL OR recorded_to > ?)", STATE, projectId, Timestamp.from(knownAt),
                Timestamp.from(knownAt)).stream().findFirst();
    }

    public List<FundArrival> arrivalsKnownAt(String projectId, Instant knownAt) {
        if (knownAt == null) {
            return jdbc.query("SELECT * FROM fund_arrival_version WHERE project_id = ? AND recorded_to IS NULL "
                    + "ORDER BY arrival_no", ARRIVAL, projectId);
        }
        return jdbc.query("SELECT * FROM fund_arrival_version WHERE project_id = ? AND recorded_from <= ? "
                + "AND (recorded_to IS NULL OR recorded_to > ?) ORDER BY arrival_no", ARRIVAL, projectId,
                Timestamp.from(knownAt), Timestamp.from(knownAt));
    }

    private static ProjectState state(ResultSet rs, int row) throws SQLException {
        String startKind = rs.getString("start_kind");
        return new ProjectState(rs.getString("project_id"), rs.getString("name"), rs.getString("investor"),
                rs.getString("township"), rs.getString("industry_chain"), rs.getBoolean("industrial"),
                rs.getBigDecimal("contract_amount_wan").stripTrailingZeros(),
                SourceRegion.valueOf(rs.getString("source_region")), rs.getObject("signed_on", LocalDate.class),
                rs.getString("introduced_by"), rs.getString("introduced_by_text"),
                strip(rs.getBigDecimal("planned_investment_at_signing_wan")),
                flags(rs, "types", ProjectType.class), flags(rs, "investor_categories", InvestorCategory.class),
                rs.getObject("registered_on", LocalDate.class),
                rs.getString("company_name"), rs.getString("credit_code"),
                (Boolean) rs.getObject("foreign_invested"), (Boolean) rs.getObject("export_oriented"),
                rs.getObject("started_on", LocalDate.class),
                startKind == null ? null : StartKind.valueOf(startKind), rs.getObject("stored_on", LocalDate.class),
                strip(rs.getBigDecimal("planned_investment_wan")), rs.getObject("production_on", LocalDate.class),
                rs.getObject("terminated_on", LocalDate.class), rs.getString("termination_reason"),
                rs.getBoolean("voided"), rs.getString("leader"), rs.getString("service_team"));
    }

    /** An array column of enum names as the flags it holds; a name no enum has any more is left out. */
    private static <E extends Enum<E>> Set<E> flags(ResultSet rs, String column, Class<E> type) throws SQLException {
        Array array = rs.getArray(column);
        Set<E> flags = EnumSet.noneOf(type);
        if (array != null) {
            for (Object name : (Object[]) array.getArray()) {
                Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).forEach(flags::add);
            }
        }
        return flags;
    }

    /** Flags as an array literal for COPY ({@code {A,B}}): enum names need no quoting. */
    static String arrayLiteral(Set<? extends Enum<?>> flags) {
        return flags.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
    }

    static java.math.BigDecimal strip(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
