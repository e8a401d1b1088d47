package org.luodi.system.security;

import org.luodi.system.security.Hostile.Field;
import org.luodi.system.security.Hostile.Kind;

import java.util.List;
import java.util.Map;

/**
 * The write endpoints that are not project commands (the query side's targets and administration), as templates the
 * hostile-input test breaks like a command: the valid call, who may make it, its body's fields, what a broken path
 * variable gets, and which table tells whether the call wrote something (these calls never touch the event store,
 * so "nothing written" is measured where they write).
 */
final class OtherWrites {
    private OtherWrites() {
    }

    /** How an endpoint reads its body: required, optional (absent or {@code null} is an empty body), or not at all. */
    enum Body { REQUIRED, OPTIONAL, NOT_READ }

    /** A path variable's value that breaks the call, and the refusal it gets. */
    record PathBreak(String variable, String value, Expected.Effect effect) {
    }

    /**
     * One endpoint: {@code path} fills its variables for the valid call; {@code lookup} is the refusal every call
     * gets when the valid one cannot be made on the shared Luodi (null: the valid call is made and must succeed with
     * {@code validStatus}); {@code writes} counts the rows the endpoint writes.
     */
    record Write(String method, String pattern, String caller, List<String> wrongCallers, Map<String, String> path,
                 Body body, List<Field> fields, List<PathBreak> pathBreaks, Expected.Effect lookup, int validStatus,
                 String writes, List<String> alsoAllowed) {
        Write(String method, String pattern, String caller, List<String> wrongCallers, Map<String, String> path,
              Body body, List<Field> fields, List<PathBreak> pathBreaks, Expected.Effect lookup, int validStatus,
              String writes) {
            this(method, pattern, caller, wrongCallers, path, body, fields, pathBreaks, lookup, validStatus, writes,
                    List.of());
        }

        String filledPath(Map<String, String> values) {
            return Hostile.fill(pattern, values, "x");
        }

        /** Whether {@code who} may make the call (the caller, or another who may too: a ticket's raising). */
        boolean allows(String who) {
            return caller.equals(who) || alsoAllowed.contains(who);
        }
    }

    /** A ticket's actions, as the query side's one forwarding mapping ({@code {action}}) stands for them. */
    static final List<String> TICKET_ACTIONS = List.of("assignment", "answer", "reopening", "closing", "escalation");
    /** A lead's steps, likewise. */
    static final List<String> LEAD_ACTIONS = List.of("assessment", "negotiation", "review", "progress", "first-report",
            "suspension", "resumption", "abandonment", "date-corrections");

    /** A ticket id that names no ticket, and a project id that names no project (the calls then write nothing). */
    static final String NO_TICKET = "00000000-0000-4000-8000-0000000071c7";
    static final String NO_PROJECT = "00000000-0000-4000-8000-00000000b0b0";
    /** A day of the working-day calendar no other test reads. */
    static final String CALENDAR_DAY = "2099-06-01";

    /** What a valid assessment adjustment adds to 高新区's score of {@link #TARGET_YEAR} (a praise of 1.5). */
    static final String ADJUSTMENT_POINTS = "1.5";

    /** The indicator a valid targets call sets (a count: any whole number up to 14 digits is valid). */
    static final String TARGET_INDICATOR = "registered.count";
    /** The 项目信息 target a valid leads-targets call sets: the county's of the whole year, every source. */
    static final String LEAD_TARGET_KEY = "leadInfo.year";
    /** Never a year other tests read: a valid call must not move the targets they compare against. */
    static final String TARGET_YEAR = "2099";

    private static final Expected.Effect INVALID_PATH = new Expected.Effect(Expected.CHECKS, 400, Expected.INVALID,
            "a path variable out of range");
    private static final Expected.Effect NO_ROBOT = new Expected.Effect(Expected.LOOKUP, 404,
            Expected.RESOURCE_NOT_FOUND, "no such robot switched on");
    private static final Expected.Effect UNCONVERTED_PATH = new Expected.Effect(Expected.PATH, 400, Expected.INVALID,
            "a path variable that is no number");

    static final List<Write> ALL = List.of(
            new Write("PUT", "/api/targets/{year}/{township}", "supervisor", List.of("gaoxin", "chengui", "admin"),
                    Map.of("year", TARGET_YEAR, "township", "gaoxin"), Body.REQUIRED, List.of(
                    Field.of("targets", Kind.TARGETS, true, "{\"" + TARGET_INDICATOR + "\":42}"),
                    Field.of("reason", Kind.REASON, true, "\"年中调整\"")),
                    List.of(new PathBreak("year", "1999", INVALID_PATH), new PathBreak("year", "2101", INVALID_PATH),
                            new PathBreak("year", "abc", UNCONVERTED_PATH),
                            new PathBreak("year", "99999999999", UNCONVERTED_PATH),
                            new PathBreak("year", "1e400", UNCONVERTED_PATH),
                            new PathBreak("township", "nowhere", INVALID_PATH),
                            new PathBreak("township", "GAOXIN", INVALID_PATH)),
                    null, 200, "SELECT count(*) FROM target_change"),
            new Write("PUT", "/api/targets/{year}/chains/{chain}", "supervisor", List.of("gaoxin", "chengui", "admin"),
                    Map.of("year", TARGET_YEAR, "chain", "new-materials"), Body.REQUIRED, List.of(
                    Field.of("targets", Kind.TARGETS, true, "{\"" + TARGET_INDICATOR + "\":7}"),
                    Field.of("reason", Kind.REASON, true, "\"年中调整\"")),
                    List.of(new PathBreak("year", "1999", INVALID_PATH), new PathBreak("year", "abc", UNCONVERTED_PATH),
                            new PathBreak("chain", "no-such-chain", INVALID_PATH),
                            new PathBreak("chain", "NEW-MATERIALS", INVALID_PATH)),
                    null, 200, "SELECT count(*) FROM target_change"),
            // the county's 项目信息 targets (#20), by the rules of a township's targets
            new Write("PUT", "/api/targets/{year}/leads", "supervisor", List.of("gaoxin", "chengui", "admin"),
                    Map.of("year", TARGET_YEAR), Body.REQUIRED, List.of(
                    Field.of("targets", Kind.TARGETS, true, "{\"" + LEAD_TARGET_KEY + "\":42}"),
                    Field.of("reason", Kind.REASON, true, "\"年中调整\"")),
                    List.of(new PathBreak("year", "1999", INVALID_PATH), new PathBreak("year", "2101", INVALID_PATH),
                            new PathBreak("year", "abc", UNCONVERTED_PATH),
                            new PathBreak("year", "99999999999", UNCONVERTED_PATH)),
                    null, 200, "SELECT count(*) FROM target_change"),
            // a valid call adds one adjustment to 高新区's 2099 assessment, which no other test reads
            new Write("POST", "/api/assessment/{year}/adjustments", "supervisor", List.of("gaoxin", "chengui", "admin"),
                    Map.of("year", TARGET_YEAR), Body.REQUIRED, List.of(
                    // "township" | "department": a plain string the checks compare, so TEXT's breakers all fail there
                    Field.of("unitKind", Kind.TEXT, true, "\"township\""),
                    Field.of("unit", Kind.TOWNSHIP, true, "\"gaoxin\""),
                    Field.of("kind", Kind.ENUM, true, "\"PRAISE\"", "PRAISE", "CRITICISM", "INTERVIEW_DEDUCTION"),
                    Field.of("points", Kind.AMOUNT, true, "1.5"),
                    Field.of("reason", Kind.REASON, true, "\"市委通报表扬\"")),
                    List.of(new PathBreak("year", "1999", INVALID_PATH), new PathBreak("year", "2101", INVALID_PATH),
                            new PathBreak("year", "abc", UNCONVERTED_PATH),
                            new PathBreak("year", "99999999999", UNCONVERTED_PATH),
                            new PathBreak("year", "1e400", UNCONVERTED_PATH)),
                    null, 200, "SELECT count(*) FROM assessment_adjustment"),
            // a valid call adds a 企业微信 robot on a port of this machine that refuses every post (RunningLuodi)
            new Write("POST", "/api/notify/robots", "supervisor", List.of("gaoxin", "chengui", "admin"), Map.of(),
                    Body.REQUIRED, List.of(
                    Field.of("name", Kind.TEXT, true, "\"高新区招商专班群\""),
                    Field.of("platform", Kind.ENUM, true, "\"WECOM\"", "WECOM", "DINGTALK"),
                    Field.of("url", Kind.TEXT, true, "\"http://127.0.0.1:9/cgi-bin/webhook/send?key=hostile\""),
                    // (township is optional: every field here is broken as if required, so it is left to NotifyTest)
                    Field.of("reason", Kind.REASON, true, "\"乡镇专班工作群\"")),
                    List.of(), null, 201, "SELECT count(*) FROM notify_robot"),
            // the path names no robot that is switched on: the valid call is answered 404 after the role and the
            // reason passed, and switches nothing off
            new Write("POST", "/api/notify/robots/{id}/switch-off", "supervisor", List.of("gaoxin", "chengui", "admin"),
                    Map.of("id", "999999999"), Body.REQUIRED, List.of(
                    Field.of("reason", Kind.REASON, true, "\"群已解散\"")),
                    List.of(new PathBreak("id", "abc", NO_ROBOT), new PathBreak("id", "99999999999999999999", NO_ROBOT),
                            new PathBreak("id", "-1", NO_ROBOT)),
                    NO_ROBOT, 0,
                    "SELECT count(*) FROM notify_robot WHERE NOT active"),
            deadLetter("retry"),
            deadLetter("evict"),
            // the path never names a read model: a rebuild empties and replays one that the other cases (and test
            // classes) read, so the valid call is left to the rebuild tests; every refusal here is exact
            new Write("POST", "/api/admin/rebuild/{processingGroup}", "admin", List.of("supervisor", "gaoxin"),
                    Map.of("processingGroup", "no-such-read-model"), Body.NOT_READ, List.of(), List.of(),
                    new Expected.Effect(Expected.LOOKUP, 404, Expected.READ_MODEL_NOT_FOUND, "no such read model"), 0,
                    "SELECT count(*) FROM dead_letter_action"),
            // a valid call lists a day of 2099 in the working-day calendar, which no other test counts on
            new Write("POST", "/api/working-days", "supervisor", List.of("gaoxin", "chengui", "admin"), Map.of(),
                    Body.REQUIRED, List.of(
                    Field.of("day", Kind.DATE, true, "\"" + CALENDAR_DAY + "\""),
                    Field.of("kind", Kind.ENUM, true, "\"HOLIDAY\"", "HOLIDAY", "WORKDAY", "WEEKDAY_RULE"),
                    Field.of("name", Kind.TEXT, false, "\"端午节\""),
                    Field.of("reason", Kind.REASON, true, "\"国务院办公厅通知\"")),
                    List.of(), null, 201, "SELECT count(*) FROM working_day_change"),
            // raised on a project that does not exist: the project is looked up after the role and the body
            // passed, so every call gets exactly its refusal and writes nothing; clerks and supervisors may raise
            new Write("POST", "/api/tickets", "gaoxin", List.of("admin"), Map.of(), Body.REQUIRED, List.of(
                    Field.of("projectId", Kind.UUID, true, "\"" + NO_PROJECT + "\""),
                    Field.of("category", Kind.ENUM, true, "\"LAND\"", "LAND", "POWER", "APPROVALS", "FINANCING",
                            "OTHER"),
                    Field.of("description", Kind.TEXT, true, "\"净地未按期交付，影响开工\"")),
                    List.of(), new Expected.Effect(Expected.LOOKUP, 404, Expected.PROJECT_NOT_FOUND,
                    "a ticket on no project"), 0, "SELECT count(*) FROM domain_event_entry",
                    List.of("chengui", "supervisor")),
            ticket("assignment", "supervisor", List.of(
                    Field.of("department", Kind.DEPARTMENT, true, "\"dept32\""),
                    Field.of("reason", Kind.REASON, false, "\"职能调整\""))),
            ticket("answer", "dept32", List.of(Field.of("answer", Kind.TEXT, true, "\"已协调，月底前交付\""))),
            ticket("reopening", "supervisor", List.of(Field.of("reason", Kind.REASON, true, "\"企业反映仍未解决\""))),
            ticket("closing", "supervisor", List.of(Field.of("reason", Kind.REASON, true, "\"企业确认已解决\""))),
            ticket("escalation", "supervisor", List.of(
                    Field.of("level", Kind.ENUM, true, "\"MEETING\"", "MEETING", "CITY_LEADERS"),
                    Field.of("reason", Kind.REASON, true, "\"涉及多个部门\""))));

    /**
     * A ticket's action on a ticket that does not exist: the aggregate is loaded before its rules look at the caller
     * or the body, so every call that reaches it is answered 404 ticket.not-found (as an unknown project's are) and
     * writes nothing; what Spring refuses before (authentication, JSON) keeps its own answer.
     */
    private static Write ticket(String action, String caller, List<Field> fields) {
        Expected.Effect none = new Expected.Effect(Expected.PROJECT, 404, Expected.TICKET_NOT_FOUND, "no such ticket");
        return new Write("POST", "/api/tickets/{id}/" + action, caller, List.of("admin", "gaoxin"),
                Map.of("id", NO_TICKET), Body.REQUIRED, fields,
                List.of(new PathBreak("id", "00000000-0000-4000-8000-000000000001", none)), none, 0,
                "SELECT count(*) FROM domain_event_entry");
    }

    /**
     * Retry and evict need a parked event, i.e. a read model failing on the shared Luodi, which would make its
     * health DEGRADED for every other test: the path names a letter that is not parked, so the valid call is
     * answered exactly 404 (after the role and the reason passed) and records nothing.
     */
    private static Write deadLetter(String action) {
        Expected.Effect none = new Expected.Effect(Expected.LOOKUP, 404, Expected.DEAD_LETTER_NOT_FOUND,
                "no such parked event");
        return new Write("POST", "/api/admin/dead-letters/{id}/" + action, "admin", List.of("supervisor", "gaoxin"),
                Map.of("id", "00000000-0000-4000-8000-00000000dead"), Body.OPTIONAL, List.of(
                Field.of("reason", Kind.REASON, true, "\"修复投影后重试\"")),
                List.of(new PathBreak("id", "not-a-letter", none), new PathBreak("id", "1", none)),
                none, 0, "SELECT (SELECT count(*) FROM dead_letter_action) + (SELECT count(*) FROM dead_letter_entry)");
    }

    /** The template of a write endpoint that is not a project command, or null. */
    static Write of(String method, String pattern) {
        return ALL.stream().filter(w -> w.method().equals(method) && w.pattern().equals(pattern)).findFirst()
                .orElse(null);
    }
}
