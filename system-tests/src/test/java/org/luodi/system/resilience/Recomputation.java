package org.luodi.system.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.luodi.events.upcasting.ProjectSignedUpcaster;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The query side's read models recomputed from {@code domain_event_entry}'s JSON alone, written from SPEC §2 and
 * the tables' meaning, not from the production projections:
 * <ul>
 *   <li>{@code project_version}: one row per event that changes a project (not fund arrivals), holding the project
 *       as it stood after that event, valid from the event's recordedAt until the next such event's;</li>
 *   <li>{@code fund_arrival_version}: one row per fund arrival, with its project's township, chain and credit, and
 *       another each time the project is credited anew while the arrival stands;</li>
 *   <li>{@code project_event}: one row per stored event, with its metadata.</li>
 * </ul>
 * Rows are compared as canonical text (decimals without trailing zeros, timestamps in microseconds as PostgreSQL
 * keeps them), so that {@link #differences} names exactly what is missing, extra or different.
 * Milestone corrections and retractions are not produced by the resilience load and are refused rather than guessed;
 * corrections of a project's attributes are (a renamed project that may change its chain).
 */
public final class Recomputation {
    enum Kind { TEXT, DECIMAL, DATE, BOOLEAN, TIMESTAMP, LONG }

    record Column(String name, Kind kind) {
    }

    static final List<Column> PROJECT_VERSION = columns("project_id TEXT", "version LONG", "event_id TEXT",
            "recorded_from TIMESTAMP",
            "recorded_to TIMESTAMP", "name TEXT", "investor TEXT", "township TEXT", "industry_chain TEXT",
            "industrial BOOLEAN", "contract_amount_wan DECIMAL", "source_region TEXT", "signed_on DATE",
            "introduced_by TEXT", "introduced_by_text TEXT", "planned_investment_at_signing_wan DECIMAL", "types TEXT",
            "investor_categories TEXT", "registered_on DATE", "company_name TEXT", "credit_code TEXT",
            "foreign_invested BOOLEAN", "export_oriented BOOLEAN", "started_on DATE", "start_kind TEXT", "stored_on DATE",
            "planned_investment_wan DECIMAL", "production_on DATE", "terminated_on DATE", "termination_reason TEXT",
            "voided BOOLEAN", "leader TEXT", "service_team TEXT");
    static final List<Column> FUND_ARRIVAL_VERSION = columns("project_id TEXT", "arrival_no LONG", "version LONG",
            "event_id TEXT", "recorded_from TIMESTAMP", "recorded_to TIMESTAMP", "arrived_on DATE", "source TEXT",
            "amount_wan DECIMAL", "amount_usd_wan DECIMAL", "township TEXT", "industry_chain TEXT", "introduced_by TEXT");
    static final List<Column> PROJECT_EVENT = columns("global_index LONG", "event_identifier TEXT", "project_id TEXT",
            "sequence_number LONG", "type TEXT", "occurred_on DATE", "recorded_at TIMESTAMP", "actor TEXT",
            "role TEXT", "actor_township TEXT", "project_township TEXT", "reason TEXT", "idempotency_key TEXT",
            "data TEXT");

    /** Which payload field each event type's business date is in (SPEC §2). */
    private static final Map<String, String> BUSINESS_DATE = Map.of("ProjectSigned", "signedOn",
            "CompanyRegistered", "registeredOn", "ConstructionStarted", "startedOn", "ProjectStored", "storedOn",
            "ProductionStarted", "productionOn", "FundsArrived", "arrivedOn", "ProjectTerminated", "terminatedOn");
    /** The event types that speak of no business date (SPEC §2): their history rows have none. */
    private static final Set<String> WITHOUT_BUSINESS_DATE = Set.of("ProjectVoided", "CreditCorrected",
            "AttributesCorrected", "PatronageAssigned", "EvidenceAttached", "MilestoneVerified");

    private final List<StoredEvent> events;
    private final List<String> projectVersions = new ArrayList<>();
    private final List<String> arrivalVersions = new ArrayList<>();
    private final List<String> history = new ArrayList<>();

    private Recomputation(List<StoredEvent> events) {
        this.events = events;
        recompute();
    }

    static Recomputation of(List<StoredEvent> events) {
        return new Recomputation(events);
    }

    /** What differs between the read models in the database and a recomputation from its event store. */
    public static List<String> differences(Connection sql) throws SQLException {
        Recomputation expected = of(StoredEvent.readAll(sql));
        List<String> differences = new ArrayList<>();
        differences.addAll(compare("project_version", expected.projectVersions,
                actual(sql, "project_version", PROJECT_VERSION, "project_id, version")));
        differences.addAll(compare("fund_arrival_version", expected.arrivalVersions,
                actual(sql, "fund_arrival_version", FUND_ARRIVAL_VERSION, "project_id, arrival_no, version")));
        differences.addAll(compare("project_event", expected.history,
                actual(sql, "project_event", PROJECT_EVENT, "global_index")));
        return differences;
    }

    int events() {
        return events.size();
    }

    // ---- the recomputation

    private void recompute() {
        Map<String, List<StoredEvent>> byProject = events.stream().collect(Collectors.groupingBy(
                StoredEvent::projectId, TreeMap::new, Collectors.toList()));
        for (List<StoredEvent> stream : byProject.values()) {
            stream.sort(Comparator.comparingLong(StoredEvent::sequence));
            foldProject(stream);
        }
    }

    private void foldProject(List<StoredEvent> stream) {
        Map<String, String> state = null;
        Map<String, String> openVersion = null;
        List<Map<String, String>> openArrivals = new ArrayList<>();
        String township = null;
        for (StoredEvent event : stream) {
            JsonNode e = event.payload();
            String recordedAt = recordedAt(event);
            switch (event.type()) {
                case "ProjectSigned" -> {
                    township = text(e, "township");
                    state = new LinkedHashMap<>();
                    for (Column c : PROJECT_VERSION) {
                        state.put(c.name(), null);
                    }
                    state.put("project_id", event.projectId());
                    state.put("name", text(e, "name"));
                    state.put("investor", text(e, "investor"));
                    state.put("township", township);
                    state.put("industry_chain", text(e, "industryChain"));
                    state.put("industrial", text(e, "industrial"));
                    state.put("contract_amount_wan", decimal(e, "contractAmountWan"));
                    state.put("source_region", text(e, "sourceRegion"));
                    state.put("signed_on", text(e, "signedOn"));
                    // revision 1 held free text; ProjectSignedUpcaster's mapping, as the read model reads it
                    JsonNode credit = e.has("introducedByText") ? e
                            : ProjectSignedUpcaster.toRevision2((ObjectNode) e);
                    state.put("introduced_by", text(credit, "introducedBy"));
                    state.put("introduced_by_text", text(credit, "introducedByText"));
                    // revision 3 states the plan, types and investor categories; revision 2 none of them
                    state.put("planned_investment_at_signing_wan", decimal(e, "plannedInvestmentWan"));
                    state.put("types", flags(e, "types"));
                    state.put("investor_categories", flags(e, "investorCategories"));
                    state.put("voided", "false");
                }
                case "CompanyRegistered" -> {
                    state.put("registered_on", text(e, "registeredOn"));
                    state.put("company_name", text(e, "companyName"));
                    state.put("credit_code", text(e, "creditCode"));
                    state.put("foreign_invested", text(e, "foreignInvested"));
                    state.put("export_oriented", text(e, "exportOriented")); // absent in revision 1: null
                }
                case "ConstructionStarted" -> {
                    state.put("started_on", text(e, "startedOn"));
                    state.put("start_kind", text(e, "kind"));
                }
                case "ProjectStored" -> {
                    state.put("stored_on", text(e, "storedOn"));
                    state.put("planned_investment_wan", decimal(e, "plannedInvestmentWan"));
                }
                case "ProductionStarted" -> state.put("production_on", text(e, "productionOn"));
                case "ProjectTerminated" -> {
                    state.put("terminated_on", text(e, "terminatedOn"));
                    state.put("termination_reason", text(e, "reason"));
                }
                case "ProjectVoided" -> state.put("voided", "true");
                case "PatronageAssigned" -> {
                    state.put("leader", text(e, "leader"));
                    state.put("service_team", text(e, "serviceTeam"));
                }
                case "CreditCorrected" -> {
                    String credit = text(e, "department");
                    state.put("introduced_by", credit);
                    state.put("introduced_by_text", null);
                    moveArrivals(openArrivals, event, recordedAt, Collections.singletonMap("introduced_by", credit));
                }
                case "AttributesCorrected" -> {
                    JsonNode after = e.get("after");
                    String chainBefore = state.get("industry_chain");
                    boolean moved = !text(after, "township").equals(township);
                    township = text(after, "township");
                    state.put("name", text(after, "name"));
                    state.put("investor", text(after, "investor"));
                    state.put("township", township);
                    state.put("industry_chain", text(after, "industryChain"));
                    state.put("industrial", text(after, "industrial"));
                    state.put("source_region", text(after, "sourceRegion"));
                    state.put("contract_amount_wan", decimal(after, "contractAmountWan"));
                    state.put("planned_investment_at_signing_wan", decimal(after, "plannedInvestmentWan"));
                    state.put("types", flags(after, "types"));
                    state.put("investor_categories", flags(after, "investorCategories"));
                    // the arrivals count for the project's township and chain: a move gives each a new version
                    if (moved || !chainBefore.equals(state.get("industry_chain"))) {
                        moveArrivals(openArrivals, event, recordedAt,
                                Map.of("township", township, "industry_chain", state.get("industry_chain")));
                    }
                }
                case "FundsArrived" -> {
                    Map<String, String> arrival = new LinkedHashMap<>();
                    arrival.put("project_id", event.projectId());
                    arrival.put("arrival_no", text(e, "arrivalNo"));
                    arrival.put("version", Long.toString(event.sequence()));
                    arrival.put("event_id", event.eventId());
                    arrival.put("recorded_from", recordedAt);
                    arrival.put("recorded_to", null);
                    arrival.put("arrived_on", text(e, "arrivedOn"));
                    arrival.put("source", text(e, "source"));
                    arrival.put("township", township);
                    arrival.put("industry_chain", state.get("industry_chain"));
                    arrival.put("introduced_by", state.get("introduced_by"));
                    // FundsArrived revision 2: amount {wan, currency}; revision 1: amountWan / amountUsdWan
                    JsonNode amount = e.get("amount");
                    boolean revision2 = amount != null && !amount.isNull();
                    boolean usd = revision2 && "USD".equals(text(amount, "currency"));
                    arrival.put("amount_wan", revision2 ? (usd ? null : decimal(amount, "wan")) : decimal(e, "amountWan"));
                    arrival.put("amount_usd_wan", revision2 ? (usd ? decimal(amount, "wan") : null)
                            : decimal(e, "amountUsdWan"));
                    openArrivals.add(arrival);
                }
                case "EvidenceAttached", "MilestoneVerified" -> {
                    // 实证 changes nothing a version holds: a new version, the same values
                }
                default -> throw new IllegalStateException("the recomputation does not cover " + event.type());
            }
            if (!event.type().equals("FundsArrived")) {
                if (openVersion != null) {
                    openVersion.put("recorded_to", recordedAt);
                    projectVersions.add(row(PROJECT_VERSION, openVersion));
                }
                openVersion = new LinkedHashMap<>(state);
                openVersion.put("version", Long.toString(event.sequence()));
                openVersion.put("event_id", event.eventId());
                openVersion.put("recorded_from", recordedAt);
            }
            history.add(historyRow(event, recordedAt, township));
        }
        if (openVersion != null) {
            projectVersions.add(row(PROJECT_VERSION, openVersion));
        }
        openArrivals.forEach(arrival -> arrivalVersions.add(row(FUND_ARRIVAL_VERSION, arrival)));
    }

    /**
     * Closes each open arrival version at {@code recordedAt} and opens one made by {@code event} with the {@code
     * units} it now counts for (column → value): the project counts for another township, chain or department.
     */
    private void moveArrivals(List<Map<String, String>> openArrivals, StoredEvent event, String recordedAt,
                              Map<String, String> units) {
        openArrivals.replaceAll(arrival -> {
            arrival.put("recorded_to", recordedAt);
            arrivalVersions.add(row(FUND_ARRIVAL_VERSION, arrival));
            Map<String, String> moved = new LinkedHashMap<>(arrival);
            moved.putAll(Map.of("version", Long.toString(event.sequence()), "event_id", event.eventId(),
                    "recorded_from", recordedAt));
            moved.put("recorded_to", null);
            moved.putAll(units);
            return moved;
        });
    }

    private static String historyRow(StoredEvent event, String recordedAt, String projectTownship) {
        JsonNode meta = event.metaData();
        if (!BUSINESS_DATE.containsKey(event.type()) && !WITHOUT_BUSINESS_DATE.contains(event.type())) {
            throw new IllegalStateException("the recomputation does not cover " + event.type());
        }
        Map<String, String> row = new HashMap<>();
        row.put("global_index", Long.toString(event.globalIndex()));
        row.put("event_identifier", event.eventId());
        row.put("project_id", event.projectId());
        row.put("sequence_number", Long.toString(event.sequence()));
        row.put("type", event.type());
        row.put("occurred_on", BUSINESS_DATE.containsKey(event.type())
                ? text(event.payload(), BUSINESS_DATE.get(event.type())) : null);
        row.put("recorded_at", recordedAt);
        row.put("actor", text(meta, "actor"));
        row.put("role", text(meta, "role"));
        row.put("actor_township", text(meta, "township"));
        row.put("project_township", projectTownship);
        row.put("reason", text(meta, "reason"));
        row.put("idempotency_key", text(meta, "idempotencyKey"));
        row.put("data", canonicalJson(event.payload()));
        return row(PROJECT_EVENT, row);
    }

    /** recordedAt from the metadata, as PostgreSQL stores it: rounded to the microsecond. */
    private static String recordedAt(StoredEvent event) {
        Instant instant = Instant.parse(text(event.metaData(), "recordedAt"));
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        if (instant.getNano() % 1000 >= 500) {
            micros = micros.plus(1, ChronoUnit.MICROS);
        }
        return micros.toString();
    }

    // ---- the read models as stored

    static List<String> actual(Connection sql, String table, List<Column> columns, String order)
            throws SQLException {
        List<String> rows = new ArrayList<>();
        String select = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        try (Statement s = sql.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + select + " FROM " + table + " ORDER BY " + order)) {
            while (rs.next()) {
                Map<String, String> row = new HashMap<>();
                for (Column c : columns) {
                    row.put(c.name(), value(rs, c));
                }
                rows.add(row(columns, row));
            }
        }
        return rows;
    }

    private static String value(ResultSet rs, Column c) throws SQLException {
        Object raw = rs.getObject(c.name());
        if (raw == null) {
            return null;
        }
        return switch (c.kind()) {
            case TEXT -> c.name().equals("data") ? canonicalJson(json(rs.getString(c.name()))) : rs.getString(c.name());
            case LONG -> Long.toString(rs.getLong(c.name()));
            case DECIMAL -> plain(rs.getBigDecimal(c.name()));
            case DATE -> rs.getObject(c.name(), LocalDate.class).toString();
            case BOOLEAN -> Boolean.toString(rs.getBoolean(c.name()));
            case TIMESTAMP -> rs.getObject(c.name(), OffsetDateTime.class).toInstant().toString();
        };
    }

    private static JsonNode json(String text) {
        try {
            return StoredEvent.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- comparison

    private static List<String> compare(String table, List<String> expected, List<String> actual) {
        Map<String, Integer> balance = new TreeMap<>();
        expected.forEach(row -> balance.merge(row, 1, Integer::sum));
        actual.forEach(row -> balance.merge(row, -1, Integer::sum));
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        balance.forEach((row, n) -> {
            for (int i = 0; i < Math.abs(n); i++) {
                (n > 0 ? missing : extra).add(row);
            }
        });
        if (missing.isEmpty() && extra.isEmpty()) {
            return List.of();
        }
        return List.of(table + ": " + expected.size() + " rows recomputed, " + actual.size() + " stored; "
                + missing.size() + " missing or different, e.g. " + missing.stream().limit(2).toList() + "; "
                + extra.size() + " unexpected, e.g. " + extra.stream().limit(2).toList());
    }

    private static String row(List<Column> columns, Map<String, String> values) {
        return columns.stream().map(c -> c.name() + "=" + values.get(c.name())).collect(Collectors.joining(" | "));
    }

    private static List<Column> columns(String... specs) {
        List<Column> columns = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.split(" ");
            columns.add(new Column(parts[0], Kind.valueOf(parts[1])));
        }
        return List.copyOf(columns);
    }

    private static String text(JsonNode node, String field) {
        return StoredEvent.text(node, field);
    }

    /** A JSON array of flags (enum names) as PostgreSQL writes an array as text; absent (revision 2) is empty. */
    private static String flags(JsonNode node, String field) {
        List<String> names = new ArrayList<>();
        JsonNode array = node.get(field);
        if (array != null) {
            array.forEach(name -> names.add(name.asText()));
        }
        return "{" + String.join(",", names) + "}";
    }

    private static String decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : plain(new BigDecimal(value.asText()));
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** JSON with sorted keys and plain decimals, so that jsonb's key order and number scale do not matter. */
    static String canonicalJson(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, String> fields = new TreeMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), canonicalJson(f.getValue())));
            return fields.entrySet().stream().map(f -> "\"" + f.getKey() + "\":" + f.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(canonicalJson(item)));
            return "[" + String.join(",", items) + "]";
        }
        if (node.isNumber()) {
            return plain(node.decimalValue());
        }
        return node.toString();
    }
}
