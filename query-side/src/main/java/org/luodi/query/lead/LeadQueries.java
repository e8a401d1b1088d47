package org.luodi.query.lead;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.luodi.events.EventDescriptions;
import org.luodi.events.EventJson;
import org.luodi.events.LeadRecorded.EarlierReport;
import org.luodi.events.LeadSource;
import org.luodi.events.LeadStage;
import org.luodi.events.LeadUnits;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every read of the "leads" read model, and its only SQL. Who sees what (#20): a clerk the leads its township
 * reported or that would settle there, a department the leads it reported, supervisors, administrators and county
 * leaders all of them; the investor (its name, credit code, the companies approached) only to the lead's units and
 * supervisors: a leader and an administrator see the project and the stage, never who is investing.
 */
@Component
public class LeadQueries {
    private static final ObjectMapper JSON = EventJson.mapper();
    static final String HIDDEN = "（保密）";
    static final String HIDDEN_TEXT = "（内容仅报送单位和督查人员可见）";
    /** The steps whose text people write freely, and may name the investor in. */
    private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("LeadAssessed", "LeadReviewed",
            "LeadProgressReported", "LeadSuspended", "LeadResumed", "LeadAbandoned");

    private final NamedParameterJdbcTemplate jdbc;
    private final ReferenceData reference;

    public LeadQueries(NamedParameterJdbcTemplate jdbc, ReferenceData reference) {
        this.jdbc = jdbc;
        this.reference = reference;
    }

    public record Filter(String unit, LeadStage stage, LeadSource source, LocalDate from, LocalDate to,
                         String projectId) {
    }

    /** One lead in a list; {@code investor} is {@link #HIDDEN} to those who may not know it. */
    public record Row(String leadId, String unit, String unitName, String township, String investor, String project,
                      BigDecimal expectedAmountWan, LeadSource source, LeadStage stage, LocalDate recordedOn,
                      LocalDate firstTalkOn, String ledBy, LocalDate closedOn, String projectId,
                      boolean possibleDuplicate, String firstUnit) {
    }

    public record Page(List<Row> content, int page, int size, long totalElements) {
    }

    public record Duplicate(String leadId, String unit, String unitName, LocalDate recordedOn, String matchedBy) {
    }

    public record Step(long sequence, String type, String label, LocalDate occurredOn, java.time.Instant recordedAt,
                       String actor, String role, String reason, String summary, LeadStage stage) {
    }

    /** One lead with its timeline; the investor's details only to those who may know them (else null). */
    public record LeadView(Row lead, String creditCode, List<String> targetCompanies, LeadStage suspendedAt,
                           boolean contractReviewed, List<String> creditedUnits, List<Duplicate> possibleDuplicates,
                           boolean investorVisible, List<Step> timeline) {
    }

    public Page list(LuodiUser user, Filter filter, int page, int size) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(user, filter, p);
        long total = jdbc.queryForObject("SELECT count(*) FROM lead l WHERE " + where, p, Long.class);
        p.addValue("limit", size).addValue("offset", (long) page * size);
        List<Row> rows = jdbc.query("SELECT * FROM lead l WHERE " + where
                + " ORDER BY l.recorded_on DESC, l.lead_id LIMIT :limit OFFSET :offset", p, (rs, i) -> row(rs, user));
        return new Page(rows, page, size, total);
    }

    public LeadView lead(LuodiUser user, String leadId) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", leadId);
        List<LeadView> found = jdbc.query("SELECT * FROM lead l WHERE l.lead_id = :id AND " + visible(user, p), p,
                (rs, i) -> view(rs, user));
        if (found.isEmpty()) { // none, or not this caller's: the same answer, so that ids cannot be probed
            throw new NotFoundException(NotFoundException.Kind.LEAD, leadId);
        }
        LeadView view = found.get(0);
        List<Step> steps = jdbc.query("SELECT * FROM lead_event WHERE lead_id = :id ORDER BY sequence_number",
                new MapSqlParameterSource("id", leadId), (rs, i) -> new Step(rs.getLong("sequence_number"),
                        rs.getString("type"), EventDescriptions.LEAD_TYPE_LABELS.get(rs.getString("type")),
                        rs.getObject("occurred_on", LocalDate.class), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("actor"), rs.getString("role"), view.investorVisible() ? rs.getString("reason")
                        : null, view.investorVisible() || !FREE_TEXT.contains(rs.getString("type"))
                        ? rs.getString("summary") : HIDDEN_TEXT, LeadStage.valueOf(rs.getString("stage"))));
        return new LeadView(view.lead(), view.creditCode(), view.targetCompanies(), view.suspendedAt(),
                view.contractReviewed(), view.creditedUnits(), view.possibleDuplicates(), view.investorVisible(),
                steps);
    }

    /** The 在谈项目清单: leads in talks now (首谈 held, not signed, abandoned or paused), oldest first talk first. */
    public List<Row> negotiating(LuodiUser user, String unit) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        return jdbc.query("SELECT * FROM lead l WHERE " + negotiatingWhere(user, unit, p)
                + " ORDER BY l.first_talk_on, l.lead_id", p, (rs, i) -> row(rs, user));
    }

    /** One page of the 在谈项目清单, with how many leads and how much expected investment the whole list holds. */
    public record Negotiating(List<Row> content, int page, int size, long totalElements, BigDecimal totalAmountWan) {
    }

    public Negotiating negotiating(LuodiUser user, String unit, int page, int size) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = negotiatingWhere(user, unit, p);
        Map<String, Object> totals = jdbc.queryForMap("SELECT count(*) AS n, coalesce(sum(l.expected_amount_wan), 0) "
                + "AS amount FROM lead l WHERE " + where, p);
        p.addValue("limit", size).addValue("offset", (long) page * size);
        List<Row> rows = jdbc.query("SELECT * FROM lead l WHERE " + where
                + " ORDER BY l.first_talk_on, l.lead_id LIMIT :limit OFFSET :offset", p, (rs, i) -> row(rs, user));
        return new Negotiating(rows, page, size, ((Number) totals.get("n")).longValue(),
                (BigDecimal) totals.get("amount"));
    }

    private String negotiatingWhere(LuodiUser user, String unit, MapSqlParameterSource p) {
        return where(user, new Filter(unit, null, null, null, null, null), p)
                + " AND l.stage IN ('NEGOTIATING', 'REVIEWED')";
    }

    /**
     * The days on which an obligation falls due, as the calendar in force counts them: for each obligation, every
     * day its deadline may run from that makes a lead late today, and the deadline counted from it (parallel lists).
     */
    public record DueDays(List<String> obligations, List<LocalDate> since, List<LocalDate> dueOn,
                          List<Boolean> assumed) {
    }

    /** An open lead whose obligation fell due before today. */
    public record Owing(Row lead, String obligation, LocalDate since, LocalDate dueOn, boolean assumed) {
    }

    /** One page of the late leads and how many there are in all. */
    public record OwingPage(List<Owing> content, long total) {
    }

    /**
     * The earliest day an open lead's deadline runs from, per obligation (lead.owes, V164, set by the trigger of
     * V165); an obligation no lead owes is absent.
     */
    public Map<String, LocalDate> earliestOwing(List<String> obligations) {
        Map<String, LocalDate> earliest = new LinkedHashMap<>();
        for (String obligation : obligations) {
            LocalDate day = jdbc.queryForObject("SELECT min(owes_since) FROM lead WHERE owes = :owes",
                    new MapSqlParameterSource("owes", obligation), LocalDate.class);
            if (day != null) {
                earliest.put(obligation, day);
            }
        }
        return earliest;
    }

    /**
     * The open leads this caller may see (optionally of one unit) that owe something since one of {@code due}'s
     * days, longest late first (by deadline, then lead id): {@code limit} of them from {@code offset}, with the count
     * of all. Read through lead_owes_idx; only the page's rows are fetched whole. {@code unannouncedOnly}: those whose
     * lapse is not in lead_overdue_announcement yet.
     */
    public OwingPage owing(LuodiUser user, String unit, DueDays due, long offset, int limit,
                           boolean unannouncedOnly) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("owes", "{" + String.join(",", due.obligations()) + "}")
                .addValue("since", "{" + join(due.since()) + "}")
                .addValue("dueOn", "{" + join(due.dueOn()) + "}")
                .addValue("assumed", "{" + join(due.assumed()) + "}")
                .addValue("offset", offset).addValue("limit", limit);
        String late = "WITH due AS (SELECT * FROM unnest(CAST(:owes AS text[]), CAST(:since AS date[]), "
                + "CAST(:dueOn AS date[]), CAST(:assumed AS boolean[])) AS d(owes, since, due_on, assumed)) ";
        String from = "FROM lead l JOIN due d ON d.owes = l.owes AND d.since = l.owes_since WHERE l.owes IS NOT NULL "
                + "AND " + where(user, new Filter(unit, null, null, null, null, null), p)
                + (unannouncedOnly ? " AND NOT EXISTS (SELECT 1 FROM lead_overdue_announcement a WHERE "
                + "a.lead_id = l.lead_id AND a.obligation = l.owes AND a.since = l.owes_since)" : "");
        Long total = jdbc.queryForObject(late + "SELECT count(*) " + from, p, Long.class);
        List<Owing> page = jdbc.query(late + "SELECT l.*, p.due_on, p.assumed FROM (SELECT l.lead_id, d.due_on, "
                + "d.assumed " + from + " ORDER BY d.due_on, l.lead_id OFFSET :offset LIMIT :limit) p "
                + "JOIN lead l ON l.lead_id = p.lead_id ORDER BY p.due_on, p.lead_id", p, (rs, i) -> new Owing(
                row(rs, user), rs.getString("owes"), rs.getObject("owes_since", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getBoolean("assumed")));
        return new OwingPage(page, total == null ? 0 : total);
    }

    private static String join(List<?> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    /** One unit's funnel over a period; a null unit is the county's total. */
    public record FunnelRow(String unit, String unitName, long info, long businessReferral, long assessed,
                            long negotiating, BigDecimal negotiatingAmountWan, long signed,
                            BigDecimal conversionRate, BigDecimal medianDaysToSign) {
    }

    /**
     * The funnel per unit over [from, to]: 项目信息 (条) the leads the unit reported in the period, of which 以商招商;
     * 研判 those assessed in it; 在谈 (个) those whose 首谈 fell in it, with their expected amount; 签约 the leads
     * signed in it credited to the unit (the confirmed first reporter); the conversion rate 签约 ÷ 项目信息 of the
     * period; the median days from 信息 to 签约 of the period's signings. A clerk or a department sees its own row.
     */
    public List<FunnelRow> funnel(LuodiUser user, LocalDate from, LocalDate to) {
        MapSqlParameterSource p = new MapSqlParameterSource("from", from).addValue("to", to);
        // counted over every lead (a signing credited to a township may come from a department's lead), then
        // narrowed to the caller's own row: a count names no investor
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        Map<String, List<Long>> days = new LinkedHashMap<>();
        // the counts per unit and day kept beside the leads (V161, LeadFunnelCounts), every unit that has a lead
        jdbc.query("SELECT c.unit, " + inPeriod("info") + " AS info, " + inPeriod("biz") + " AS biz, "
                + inPeriod("assessed") + " AS assessed, " + inPeriod("talks") + " AS talks, "
                + inPeriod("talk_amount") + " AS amount "
                + "FROM (SELECT unit, day, info, biz, assessed, talks, talk_amount FROM lead_funnel_day UNION ALL "
                + "SELECT unit, day, info, biz, assessed, talks, talk_amount FROM lead_funnel_delta) c "
                + "GROUP BY c.unit HAVING sum(c.info) > 0", p, rs -> {
            counts.put(rs.getString("unit"), new long[]{rs.getLong("info"), rs.getLong("biz"), rs.getLong("assessed"),
                    rs.getLong("talks"), 0});
            amounts.put(rs.getString("unit"), rs.getBigDecimal("amount"));
        });
        // a signing counts for the unit credited with it: the confirmed first reporter, else the reporting unit
        jdbc.query("SELECT coalesce(l.first_unit, l.unit) AS credited, l.recorded_on, l.closed_on FROM lead l "
                + "WHERE l.stage = 'SIGNED' AND l.closed_on BETWEEN :from AND :to", p, rs -> {
            String unit = rs.getString("credited");
            counts.computeIfAbsent(unit, u -> new long[5])[4]++;
            amounts.putIfAbsent(unit, BigDecimal.ZERO);
            days.computeIfAbsent(unit, u -> new ArrayList<>()).add(ChronoUnit.DAYS.between(
                    rs.getObject("recorded_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class)));
        });
        List<FunnelRow> rows = new ArrayList<>();
        long[] total = new long[5];
        BigDecimal totalAmount = BigDecimal.ZERO;
        List<Long> allDays = new ArrayList<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            for (int i = 0; i < 5; i++) {
                total[i] += c[i];
            }
            BigDecimal amount = amounts.getOrDefault(e.getKey(), BigDecimal.ZERO);
            totalAmount = totalAmount.add(amount);
            List<Long> d = days.getOrDefault(e.getKey(), List.of());
            allDays.addAll(d);
            rows.add(new FunnelRow(e.getKey(), unitName(e.getKey()), c[0], c[1], c[2], c[3], amount, c[4],
                    rate(c[4], c[0]), median(d)));
        }
        rows.sort(Comparator.comparing(FunnelRow::info).reversed().thenComparing(FunnelRow::unit));
        if (!user.seesEveryUnit()) {
            String own = user.isClerk() ? user.township() : user.department();
            rows.removeIf(r -> !r.unit().equals(own));
        } else {
            rows.add(new FunnelRow(null, "合计", total[0], total[1], total[2], total[3], totalAmount, total[4],
                    rate(total[4], total[0]), median(allDays)));
        }
        return rows;
    }

    private static String inPeriod(String column) {
        return "coalesce(sum(c." + column + ") FILTER (WHERE c.day BETWEEN :from AND :to), 0)";
    }

    /**
     * How many leads were recorded in [from, to], of {@code source} (null: every source) and reported by {@code unit}
     * (null: every unit): what a 项目信息 target counts, as the funnel's 项目信息 column does.
     */
    public long recorded(String unit, LeadSource source, LocalDate from, LocalDate to) {
        MapSqlParameterSource p = new MapSqlParameterSource("from", from).addValue("to", to)
                .addValue("unit", unit).addValue("source", source == null ? null : source.name());
        if (source == null || source == LeadSource.BUSINESS_REFERRAL) {
            // kept per unit and day (V161): a few rows a day instead of every lead of the period
            return jdbc.queryForObject("SELECT " + inPeriod(source == null ? "info" : "biz") + " FROM (SELECT unit, "
                    + "day, info, biz FROM lead_funnel_day UNION ALL SELECT unit, day, info, biz FROM lead_funnel_delta) c "
                    + "WHERE c.day BETWEEN :from AND :to AND (CAST(:unit AS VARCHAR) IS NULL OR c.unit = :unit)", p,
                    Long.class);
        }
        return jdbc.queryForObject("SELECT count(*) FROM lead l WHERE l.recorded_on BETWEEN :from AND :to "
                + "AND (CAST(:unit AS VARCHAR) IS NULL OR l.unit = :unit) "
                + "AND (CAST(:source AS VARCHAR) IS NULL OR l.source = :source)", p, Long.class);
    }

    /** The lead a project was signed from, if this caller may see it. */
    public Row byProject(LuodiUser user, String projectId) {
        Page page = list(user, new Filter(null, null, null, null, null, projectId), 0, 1);
        return page.content().isEmpty() ? null : page.content().get(0);
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** The median of whole days: the middle one, or the mean of the middle two (x.5). */
    static BigDecimal median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? BigDecimal.valueOf(sorted[n / 2])
                : BigDecimal.valueOf(sorted[n / 2 - 1] + sorted[n / 2]).divide(BigDecimal.valueOf(2), 1,
                RoundingMode.UNNECESSARY);
    }

    private String where(LuodiUser user, Filter filter, MapSqlParameterSource p) {
        StringBuilder where = new StringBuilder(visible(user, p));
        if (filter.unit() != null) {
            where.append(" AND l.unit = :unit");
            p.addValue("unit", filter.unit());
        }
        if (filter.stage() != null) {
            where.append(" AND l.stage = :stage");
            p.addValue("stage", filter.stage().name());
        }
        if (filter.source() != null) {
            where.append(" AND l.source = :source");
            p.addValue("source", filter.source().name());
        }
        if (filter.from() != null) {
            where.append(" AND l.recorded_on >= :from");
            p.addValue("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND l.recorded_on <= :to");
            p.addValue("to", filter.to());
        }
        if (filter.projectId() != null) {
            where.append(" AND l.project_id = :projectId");
            p.addValue("projectId", filter.projectId());
        }
        return where.toString();
    }

    /** The leads this caller may see at all. */
    private static String visible(LuodiUser user, MapSqlParameterSource p) {
        if (user.isClerk()) {
            p.addValue("viewerUnit", user.township());
            return "(l.unit = :viewerUnit OR l.township = :viewerUnit)";
        }
        if (user.isDepartment()) {
            p.addValue("viewerUnit", user.department());
            return "l.unit = :viewerUnit";
        }
        return "true";
    }

    /**
     * Whether {@code user} is one of a lead's units or a supervisor: those who see it with its investor, and whom its
     * lapses are pushed to (a clerk of where it would settle included, as it sees the lead here).
     */
    public static boolean amongItsUnits(LuodiUser user, String unit, String township) {
        if (user.isClerk()) {
            return user.township().equals(unit) || user.township().equals(township);
        }
        return user.isDepartment() ? user.department().equals(unit) : user.isSupervisor();
    }

    /** The investor: to the lead's own units (whoever of them sees it here) and supervisors. */
    private static boolean investorVisible(LuodiUser user) {
        return user.isSupervisor() || user.isClerk() || user.isDepartment();
    }

    private Row row(ResultSet rs, LuodiUser user) throws SQLException {
        String unit = rs.getString("unit");
        return new Row(rs.getString("lead_id"), unit, unitName(unit), rs.getString("township"),
                investorVisible(user) ? rs.getString("investor") : HIDDEN, rs.getString("project"),
                rs.getBigDecimal("expected_amount_wan").stripTrailingZeros(), LeadSource.valueOf(rs.getString("source")),
                LeadStage.valueOf(rs.getString("stage")), rs.getObject("recorded_on", LocalDate.class),
                rs.getObject("first_talk_on", LocalDate.class), rs.getString("led_by"),
                rs.getObject("closed_on", LocalDate.class), rs.getString("project_id"),
                !"[]".equals(rs.getString("possible_duplicates")), rs.getString("first_unit"));
    }

    private LeadView view(ResultSet rs, LuodiUser user) throws SQLException {
        boolean visible = investorVisible(user);
        List<EarlierReport> earlier = read(rs.getString("possible_duplicates"), new TypeReference<>() {
        });
        List<String> companies = read(rs.getString("target_companies"), new TypeReference<>() {
        });
        String credited = rs.getString("credited_units");
        String suspendedAt = rs.getString("suspended_at");
        return new LeadView(row(rs, user), visible ? rs.getString("credit_code") : null,
                visible ? companies : List.of(), suspendedAt == null ? null : LeadStage.valueOf(suspendedAt),
                rs.getBoolean("contract_reviewed"),
                credited == null || credited.isEmpty() ? List.of() : Arrays.asList(credited.split(",")),
                earlier.stream().map(d -> new Duplicate(d.leadId(), d.unit(), unitName(d.unit()), d.recordedOn(),
                        d.matchedBy())).toList(), visible, List.of());
    }

    String unitName(String unit) {
        return LeadUnits.nameOf(unit, code -> {
            ReferenceData.Township township = reference.township(code);
            return township == null ? null : township.name();
        });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
