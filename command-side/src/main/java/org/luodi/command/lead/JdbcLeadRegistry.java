package org.luodi.command.lead;

import org.luodi.events.LeadRecorded.EarlierReport;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.RuleViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * {@link LeadRegistry} on {@code lead_investor} (command-side db/command V100). It joins the command's transaction
 * (the Spring transaction Axon's unit of work runs in), so a refused or failed recording leaves no row.
 */
@Component
class JdbcLeadRegistry implements LeadRegistry {
    private final JdbcTemplate jdbc;

    JdbcLeadRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<EarlierReport> earlierReports(String unit, String creditCode, String investor, String project) {
        String name = InvestorNames.key(investor);
        holdInvestor(name, creditCode);
        return jdbc.query("SELECT lead_id, unit, recorded_on, credit_code, name_key, project FROM lead_investor "
                        + "WHERE unit <> ? AND (credit_code = ? OR name_key = ?) ORDER BY recorded_on, recorded_at",
                (rs, i) -> {
                    boolean byCode = creditCode != null && creditCode.equals(rs.getString("credit_code"));
                    boolean byName = name != null && name.equals(rs.getString("name_key"))
                            && InvestorNames.similarProjects(project, rs.getString("project"));
                    if (!byCode && !byName) {
                        return null;
                    }
                    return new EarlierReport(rs.getString("lead_id"), rs.getString("unit"),
                            rs.getObject("recorded_on", LocalDate.class), byCode ? "统一社会信用代码相同" : "投资方名称相同且项目相近");
                }, unit, creditCode, name).stream().filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Two units reporting the same investor at the same moment would each look before the other's row is there, and
     * neither would be flagged: the second report waits here, until the command's transaction ends, for the first's.
     * Keyed by the investor's name and by its credit code, taken in one order so that two reports never wait on each
     * other.
     */
    private void holdInvestor(String name, String creditCode) {
        jdbc.query("SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtext(key) AS k FROM unnest(?::text[]) "
                + "AS key WHERE key IS NOT NULL ORDER BY 1) keys", rs -> {
        }, (Object) new String[]{name == null ? null : "lead-name:" + name,
                creditCode == null ? null : "lead-code:" + creditCode});
    }

    @Override
    public void remember(String leadId, String unit, String creditCode, String investor, String project,
                         LocalDate recordedOn) {
        int added = jdbc.update("INSERT INTO lead_investor (lead_id, unit, credit_code, name_key, project, "
                        + "recorded_on, recorded_at) VALUES (?, ?, ?, ?, ?, ?, now()) ON CONFLICT (lead_id) DO NOTHING",
                leadId, unit, creditCode, InvestorNames.key(investor), project, recordedOn);
        if (added == 0) { // the id is taken: the event store would refuse it at commit, say so now
            throw new RuleViolationException(ErrorCode.LEAD_EXISTS, "leadId", "该项目线索编号已存在");
        }
    }
}
