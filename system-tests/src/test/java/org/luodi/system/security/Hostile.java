package org.luodi.system.security;

import org.luodi.events.CreditCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * What hostile input is made of: the command bodies SPEC §7 accepts (as templates of raw JSON values), the values
 * that break each kind of field, the legal-but-odd text that must pass unchanged, and the strings thrown at query
 * parameters, paths and headers. Everything is raw JSON or raw URL text so that a test can send what no
 * well-behaved client library would produce (1e400, lone surrogates, duplicate keys).
 */
final class Hostile {
    private Hostile() {
    }

    /** {@code REASON}: a reason beside a target or an administrator's action (at most 500 characters); {@code
     * TARGETS}: a map of indicator keys to numbers; {@code FLAGS}: a list of an enum's names (a set of flags). */
    enum Kind { TEXT, REASON, TOWNSHIP, CHAIN, DEPARTMENT, LEADER, BOOL, AMOUNT, DATE, ENUM, UUID, CREDIT_CODE, TARGETS, FLAGS }

    /**
     * One field of a command body: its kind, whether a valid body always carries it, a valid raw JSON value, and
     * whether leaving it out (or null) is itself a valid request that means "none" (a credit or a 包保 taken away),
     * so that its absence is never expected to be refused.
     */
    record Field(String name, Kind kind, boolean required, String valid, List<String> enumValues,
                 boolean absentMeansNone) {
        static Field of(String name, Kind kind, boolean required, String valid, String... enumValues) {
            return new Field(name, kind, required, valid, List.of(enumValues), false);
        }

        /** Always sent in a valid body (the change it makes is what makes the body valid); absent means none. */
        static Field orNone(String name, Kind kind, String valid) {
            return new Field(name, kind, true, valid, List.of(), true);
        }

        /** Whether a body without it must be refused as "missing". */
        boolean missingIsRefused() {
            return required && !absentMeansNone;
        }
    }

    /** Who may send a command validly: the project's own clerk, or a supervisor. */
    enum Sender { CLERK, CLERK_OR_SUPERVISOR, SUPERVISOR }

    /**
     * A command endpoint (by the path after {@code /api/projects}), what it needs to be valid on a fresh project
     * signed on 2024-05-20, and who sends it validly.
     */
    record Template(String suffix, Sender sender, boolean needsStart, List<Field> fields) {
    }

    static final String VALID_CREDIT_CODE = "91420281MA4F" + "00000" + CreditCode.checkCharacter("91420281MA4F00000");

    static final String WRONG_CHECK_CHARACTER = VALID_CREDIT_CODE.substring(0, 17)
            + (VALID_CREDIT_CODE.charAt(17) == '0' ? '1' : '0');

    static final Map<String, Template> COMMANDS = new LinkedHashMap<>();

    static {
        add(new Template("", Sender.CLERK, false, List.of(
                Field.of("name", Kind.TEXT, true, "\"年产5万吨铜箔项目\""),
                Field.of("investor", Kind.TEXT, true, "\"深圳铜创科技有限公司\""),
                Field.of("township", Kind.TOWNSHIP, true, "\"gaoxin\""),
                Field.of("industryChain", Kind.CHAIN, true, "\"new-materials\""),
                Field.of("industrial", Kind.BOOL, true, "true"),
                Field.of("contractAmountWan", Kind.AMOUNT, true, "35000.5"),
                Field.of("sourceRegion", Kind.ENUM, true, "\"OUT_OF_PROVINCE\"", "IN_PROVINCE", "OUT_OF_PROVINCE", "FOREIGN"),
                Field.of("signedOn", Kind.DATE, true, "\"2024-05-20\""),
                Field.of("introducedBy", Kind.DEPARTMENT, false, "\"dept38\""),
                Field.of("projectId", Kind.UUID, false, null))));
        add(new Template("/registration", Sender.CLERK, false, List.of(
                Field.of("registeredOn", Kind.DATE, true, "\"2024-06-01\""),
                Field.of("companyName", Kind.TEXT, true, "\"大冶铜创新材料有限公司\""),
                Field.of("creditCode", Kind.CREDIT_CODE, true, "\"" + VALID_CREDIT_CODE + "\""),
                Field.of("foreignInvested", Kind.BOOL, true, "false"),
                Field.of("exportOriented", Kind.BOOL, false, "true"))));
        add(new Template("/start", Sender.CLERK, false, List.of(
                Field.of("startedOn", Kind.DATE, true, "\"2024-06-01\""),
                Field.of("kind", Kind.ENUM, true, "\"NEW\"", "NEW", "RESUMED"))));
        add(new Template("/storage", Sender.CLERK, true, List.of(
                Field.of("storedOn", Kind.DATE, true, "\"2024-07-01\""),
                Field.of("plannedInvestmentWan", Kind.AMOUNT, true, "50000"))));
        add(new Template("/production", Sender.CLERK, true, List.of(
                Field.of("productionOn", Kind.DATE, true, "\"2024-08-01\""))));
        add(new Template("/funds", Sender.CLERK, false, List.of(
                Field.of("arrivedOn", Kind.DATE, true, "\"2024-06-15\""),
                Field.of("source", Kind.ENUM, true, "\"IN_PROVINCE\"", "IN_PROVINCE", "OUT_OF_PROVINCE"),
                Field.of("amountWan", Kind.AMOUNT, true, "300.25"))));
        add(new Template("/termination", Sender.CLERK, false, List.of(
                Field.of("terminatedOn", Kind.DATE, true, "\"2024-09-01\""),
                Field.of("reason", Kind.TEXT, true, "\"投资方资金链断裂\""))));
        add(new Template("/corrections", Sender.CLERK_OR_SUPERVISOR, false, List.of(
                Field.of("milestone", Kind.ENUM, true, "\"SIGNING\"", "SIGNING"),
                Field.of("date", Kind.DATE, true, "\"2024-05-10\""),
                Field.of("reason", Kind.TEXT, true, "\"合同日期录入错误\""))));
        add(new Template("/retractions", Sender.SUPERVISOR, true, List.of(
                Field.of("milestone", Kind.ENUM, true, "\"START\"", "START"),
                Field.of("reason", Kind.TEXT, true, "\"仪式开工，未实际施工\""))));
        add(new Template("/void", Sender.SUPERVISOR, false, List.of(
                Field.of("reason", Kind.TEXT, true, "\"重复录入\""))));
        // fresh projects are signed without credit, so crediting 市委办公室 is a change; no department takes the
        // credit away, which changes the fixture's credited project
        add(new Template("/credit", Sender.SUPERVISOR, false, List.of(
                Field.orNone("department", Kind.DEPARTMENT, "\"dept01\""),
                Field.of("reason", Kind.TEXT, true, "\"经核实由市委办公室引荐\""))));
        // fresh projects have no 包保, so naming 王细军 and a 专班 is a change; either alone is one too
        add(new Template("/patronage", Sender.SUPERVISOR, false, List.of(
                Field.orNone("leader", Kind.LEADER, "\"leader10\""),
                Field.of("serviceTeam", Kind.TEXT, false, "\"智能装备产业招商专班\""),
                Field.of("reason", Kind.TEXT, true, "\"列为市级重点项目\""))));
        // 实证 (#19): a supervisor's finding on the fresh project's start; a reason may be left out for 已核实, never blank
        add(new Template("/verification", Sender.SUPERVISOR, true, List.of(
                Field.of("milestone", Kind.ENUM, true, "\"START\"", "START"),
                Field.of("verdict", Kind.ENUM, true, "\"VERIFIED\"", "VERIFIED"),
                Field.of("reason", Kind.TEXT, false, "\"现场核实，已实际施工\""))));
        // the name is always a change; every other valid value is what both the fresh projects and the fixture's
        // 高新区 project hold already, so that a body without the name changes nothing and is refused (400)
        add(new Template("/attributes", Sender.CLERK_OR_SUPERVISOR, false, List.of(
                Field.of("name", Kind.TEXT, true, "\"年产5万吨铜箔项目（更正）\""),
                Field.of("township", Kind.TOWNSHIP, false, "\"gaoxin\""),
                Field.of("industryChain", Kind.CHAIN, false, "\"new-materials\""),
                Field.of("industrial", Kind.BOOL, false, "true"),
                Field.of("sourceRegion", Kind.ENUM, false, "\"OUT_OF_PROVINCE\"", "IN_PROVINCE", "OUT_OF_PROVINCE",
                        "FOREIGN"),
                Field.of("contractAmountWan", Kind.AMOUNT, false, "35000"),
                Field.of("types", Kind.FLAGS, false, "[]", "SECOND_ROUND", "TECHNICAL_UPGRADE", "CAPITAL_EXPANSION",
                        "REFERRED_BY_INVESTOR", "CHAMBER_RETURN", "FUND_MATCHED", "SPECIALIZED_INNOVATIVE"),
                Field.of("investorCategories", Kind.FLAGS, false, "[]", "GLOBAL_500", "CHINA_500", "PRIVATE_500",
                        "LISTED", "STATE_OWNED", "INDUSTRY_LEADER"),
                Field.of("reason", Kind.TEXT, true, "\"名称以合同文本为准\""))));
    }

    private static void add(Template template) {
        COMMANDS.put(template.suffix(), template);
    }

    /**
     * Valid bodies of the write endpoints that are not project commands (same key as {@code Endpoint}'s
     * "METHOD pattern"), used where a test must show that only the caller is wrong.
     */
    static final Map<String, String> OTHER_VALID_BODIES = Map.ofEntries(
            Map.entry("POST /api/working-days", "{\"day\":\"2099-06-01\",\"kind\":\"HOLIDAY\",\"name\":\"端午节\","
                    + "\"reason\":\"国务院办公厅通知\"}"),
            // a lead's steps, valid at some stage of 陈贵镇's lead ({lead}: that lead), so that only the caller is wrong
            Map.entry("POST /api/leads", "{\"investor\":\"越权投资有限公司\",\"project\":\"越权新材料项目\","
                    + "\"expectedAmountWan\":5000,\"source\":\"AGENCY\",\"township\":\"chengui\"}"),
            Map.entry("POST /api/leads/{id}/assessment", "{\"conclusion\":\"符合产业方向\"}"),
            Map.entry("POST /api/leads/{id}/negotiation", "{\"firstTalkOn\":\"2024-03-10\",\"ledBy\":\"县长\"}"),
            Map.entry("POST /api/leads/{id}/review", "{\"kind\":\"PRE_REVIEW\",\"passed\":true,\"opinion\":\"同意\"}"),
            Map.entry("POST /api/leads/{id}/progress", "{\"progress\":\"已二次洽谈\"}"),
            Map.entry("POST /api/leads/{id}/first-report", "{\"firstLeadId\":\"{lead}\",\"reason\":\"首报在先\"}"),
            Map.entry("POST /api/leads/{id}/suspension", "{\"reason\":\"企业暂缓投资\"}"),
            Map.entry("POST /api/leads/{id}/resumption", "{\"reason\":\"企业恢复洽谈\"}"),
            Map.entry("POST /api/leads/{id}/abandonment", "{\"reason\":\"企业放弃\"}"),
            Map.entry("POST /api/leads/{id}/date-corrections", "{\"step\":\"LeadAssessed\",\"date\":\"2024-03-05\","
                    + "\"reason\":\"日期录错\"}"),
            Map.entry("POST /api/tickets/{id}/assignment", "{\"department\":\"dept32\",\"reason\":\"职能调整\"}"),
            Map.entry("POST /api/tickets/{id}/answer", "{\"answer\":\"已协调解决\"}"),
            Map.entry("POST /api/tickets/{id}/reopening", "{\"reason\":\"企业反映仍未解决\"}"),
            Map.entry("POST /api/tickets/{id}/closing", "{\"reason\":\"企业确认已解决\"}"),
            Map.entry("POST /api/tickets/{id}/escalation", "{\"level\":\"MEETING\",\"reason\":\"涉及多个部门\"}"),
            Map.entry("PUT /api/targets/{year}/{township}", "{\"targets\":{\"signedAbove1Yi.count\":42},\"reason\":\"年中调整\"}"),
            Map.entry("PUT /api/targets/{year}/chains/{chain}", "{\"targets\":{\"signedAbove1Yi.count\":7},\"reason\":\"年中调整\"}"),
            Map.entry("PUT /api/targets/{year}/leads", "{\"targets\":{\"leadInfo.year\":42},\"reason\":\"年中调整\"}"),
            Map.entry("PUT /api/targets/{year}/categories", "{\"categories\":{\"chengui\":\"first\"},\"reason\":\"确定乡镇分类\"}"),
            Map.entry("POST /api/admin/rebuild/{processingGroup}", "{}"),
            Map.entry("POST /api/admin/dead-letters/{id}/retry", "{\"reason\":\"修复投影后重试\"}"),
            Map.entry("POST /api/admin/dead-letters/{id}/evict", "{\"reason\":\"确认为无效数据\"}"),
            Map.entry("POST /api/assessment/{year}/adjustments", "{\"unitKind\":\"township\",\"unit\":\"chengui\","
                    + "\"kind\":\"CRITICISM\",\"points\":1,\"reason\":\"序时进度滞后，通报批评\"}"),
            Map.entry("POST /api/notify/robots", "{\"name\":\"陈贵镇招商群\",\"platform\":\"WECOM\","
                    + "\"url\":\"http://127.0.0.1:9/cgi-bin/webhook/send?key=access\",\"reason\":\"乡镇专班工作群\"}"),
            Map.entry("POST /api/notify/robots/{id}/switch-off", "{\"reason\":\"群已解散\"}"));

    /** Who may use a write endpoint that is not a project command. */
    static String allowedCaller(String pattern) {
        return pattern.startsWith("/api/admin/") ? "admin" : "supervisor";
    }

    /** The template of a POST endpoint pattern, or null when the tests know no valid body for it. */
    static Template template(String method, String pattern) {
        if (!method.equals("POST") || !pattern.startsWith("/api/projects")) {
            return null;
        }
        String suffix = pattern.substring("/api/projects".length()).replaceFirst("^/\\{[^}]+}", "");
        return COMMANDS.get(suffix);
    }

    // ---- values

    /** Raw JSON values that no field of {@code kind} may accept (each is a 400, before anything is written). */
    static List<String> breaking(Field field) {
        String lowered = field.valid() == null ? "\"x\"" : field.valid().toLowerCase(java.util.Locale.ROOT);
        return switch (field.kind()) {
            case TEXT -> List.of("[]", "{}", "{\"a\":1}", "\"\\u0000null byte\"", "\"lone \\ud800 high surrogate\"",
                    "\"lone \\udc00 low surrogate\"", "\"swapped \\udc00\\ud800 pair\"", "\"bell\\u0007\"",
                    "\"esc\\u001b[31m\"", "\"   \"", "\"" + "长".repeat(701) + "\"", "\"\\u0000\"");
            case REASON -> List.of("[]", "{}", "\"\\u0000null byte\"", "\"lone \\ud800 high surrogate\"",
                    "\"bell\\u0007\"", "\"esc\\u001b[31m\"", "\"   \"", "\"" + "长".repeat(501) + "\"", "\"\"");
            case TARGETS -> List.of("[]", "\"x\"", "42", "{}", "{\"registered.count\":\"abc\"}",
                    "{\"registered.count\":-1}", "{\"registered.count\":1.5}", "{\"no.such.indicator\":1}",
                    "{\"registered.count\":1e400}", "{\"registered.count\":123456789012345}",
                    "{\"registered.count\":[1]}", "{\"__proto__\":1}");
            case TOWNSHIP -> List.of("\"nowhere\"", "\"GAOXIN\"", "\"gaoxin' OR '1'='1\"", "\"gao\\u0000xin\"", "\"\"",
                    "[]", "{}", "\"高新区\"", "\"gaoxin \"");
            case DEPARTMENT -> List.of("\"dept74\"", "\"市商务局\"", "\"DEPT38\"", "\"dept38' OR '1'='1\"",
                    "\"dept\\u000038\"", "[]", "{}", "\"<script>alert(1)</script>\"");
            case LEADER -> List.of("\"leader99\"", "\"王细军\"", "\"LEADER10\"", "\"leader10' OR '1'='1\"",
                    "\"leader\\u000010\"", "[]", "{}", "\"<script>alert(1)</script>\"");
            case CHAIN -> List.of("\"no-such-chain\"", "\"<script>alert(1)</script>\"", "[]", "\"\"", "\"new-materials;--\"");
            case BOOL -> List.of("\"maybe\"", "{}", "[]", "null", "\"tru\"", "\"是\"");
            case AMOUNT -> List.of("0", "-1", "-0.0", "1e400", "-1e400", "123456789012345678901234567890.123456789",
                    "1e-400", "0.0000001", "100000000.000001", "\"abc\"", "{}", "true", "NaN", "Infinity",
                    "-Infinity", "1.", ".5", "0x10", "1_000", "9".repeat(1500), "1e2147483648", "null", "[]",
                    "\"1e400\"", "\"\"");
            case DATE -> List.of("\"2024-02-30\"", "\"2024-13-01\"", "\"1999-12-31\"", "\"2999-01-01\"",
                    "\"+999999999-12-31\"", "\"-999999999-01-01\"", "\"2024-5-1\"", "\"20240520\"", "\"\"", "{}",
                    "[]", "\"２０２４-０５-２０\"", "\"2024-05-20\\u0000\"", "null", "\"0000-00-00\"", "19999",
                    "\"2024-05-20'; DROP TABLE domain_event_entry; --\"");
            case ENUM -> List.of("\"NOPE\"", lowered, "{}", "[]", "\"' OR 1=1 --\"", "null", "\"\"", "\"NEW\\u0000\"");
            case UUID -> List.of("\"not-a-uuid\"", "\"0-0-0-0-0\"", "\"' OR 1=1 --\"", "\"../../etc/passwd\"", "[]",
                    "\"00000000-0000-0000-0000-00000000000g\"", "\"{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}\"");
            case FLAGS -> {
                String name = field.enumValues().isEmpty() ? "SECOND_ROUND" : field.enumValues().get(0);
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                yield List.of("[\"NOPE\"]", "\"" + name + "\"", "{}", "[null]", "[\"" + lower + "\"]", "[[]]",
                        "[\"' OR 1=1 --\"]", "[\"" + name + "\\u0000\"]", "[{}]");
            }
            case CREDIT_CODE -> List.of("\"" + WRONG_CHECK_CHARACTER + "\"", "\"123\"", "\"<script>\"", "\"９１４２０２８１MA4F00000X\"",
                    "[]", "\"" + VALID_CREDIT_CODE.toLowerCase(java.util.Locale.ROOT) + "\"", "\"\"", "null");
        };
    }

    /**
     * Legal text a person may really type or paste, which must be stored and shown back exactly: Chinese and
     * emoji, direction marks, joiners, escapes, and text that only looks like SQL or script.
     */
    static final List<String> ODD_BUT_LEGAL_TEXT = List.of(
            "\"大冶🏭项目🚀\"", "\"\\u200f\\u05e4\\u05e8\\u05d5\\u05d9\\u05e7\\u05d8 RTL\"", "\"مشروع النحاس\"",
            "\"'; DROP TABLE domain_event_entry; --\"", "\"\\\" OR 1=1 --\"", "\"<script>alert('落地')</script>\"",
            "\"<img src=x onerror=alert(1)>\"", "\"{{7*7}} ${jndi:ldap://127.0.0.1/x}\"", "\"\\ud83d\\ude00 pair\"",
            "\"a\\u200db\\u200cc\\ufeffd\"", "\"Robert'); DELETE FROM project_version;--\"", "\"line\\nbreak\"",
            "\"%00%2e%2e/%252e\"", "\"\\\\u0000 (escaped, not a NUL)\"", "\"Ω≈ç√∫˜µ≤≥÷ 𠀀𪚥\"");

    // ---- query parameters, paths, headers

    static final List<String> PARAMETER_NAMES = List.of("asOf", "knownAt", "township", "chain", "stage", "signedFrom",
            "signedTo", "name", "page", "size", "year", "month", "level", "groupBy", "actor", "type", "from", "to",
            "sort", "format", "id", "callback", "__proto__", "township[]", "page[size]");

    /** Parameter values, already percent-encoded where they need to be (some on purpose as broken UTF-8). */
    static final List<String> PARAMETER_VALUES = List.of("", "%20", "2024-06-30", "2024-02-30", "%2B999999999-12-31",
            "-999999999-01-01", "0000-01-01", "9999-12-31", "10000-01-01", "2024-06-30T25:00:00Z",
            "2024-06-30T00:00:00%2B08:00", "%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "1e400", "123456789012345678901234567890.123456789", "-1", "2147483648", "-2147483649", "NaN", "0", "13",
            "99999999999999999999", "2024.5", "%27%20OR%201%3D1%20--", "%27%3B%20DROP%20TABLE%20domain_event_entry%3B%20--",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%25", "_", "%5C", "%00", "a%00b", "%E2%80%8F", "%F0%9F%8F%AD",
            "%E9%99%88%E8%B4%B5%E9%95%87", "%ED%A0%80", "%FF%FE", "%C0%AE%C0%AE", "..%2F..%2Fetc%2Fpasswd", "gaoxin",
            "chengui", "nowhere", "TERMINATED", "VOIDED", "WARNING", "OVERDUE", "township", "chain", "ProjectSigned",
            "supervisor", "x".repeat(3000), "%0d%0aSet-Cookie:%20x=1", "%u0000", "2024-06-30%00", "%1B%5B31m");

    /** Path segments for an {@code {id}} or any other path variable, percent-encoded. */
    static final List<String> PATH_VALUES = List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%27%20OR%201=1",
            "%3Cscript%3E", "%00", "%ED%A0%80", "%F0%9F%8F%AD", "..%2F..%2Fetc", "a;b", "%2e%2e", "x".repeat(2000),
            "1e400", "-1", "99999999999999999999", "2024", "gaoxin", "chengui", "%20", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
            "%E2%80%AE", "%25", "%5C", "null", "undefined", "0x10");

    static final List<String> CONTENT_TYPES_REFUSED = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json;charset=bogus",
            "application/json;charset=", "garbage", "application/octet-stream", "image/png", "*/*", "application/*",
            "text/json;;;", "application/json, text/plain");

    static final List<String> IDEMPOTENCY_KEYS_REFUSED = List.of("", " ", "a b", "x".repeat(201), "clé-ÿ",
            "tab\there", "semi;colon is fine but space is not", "\u00a0nbsp");

    static final List<String> ACCEPT_REFUSED = List.of("text/html", "application/xml", "image/png", "text/csv",
            "application/pdf");

    static final List<String> ODD_HEADER_VALUES = List.of("<script>alert(1)</script>", "' OR 1=1 --", "ÿþý",
            "x".repeat(4000), "\t", "() { :; }; echo vulnerable", "${jndi:ldap://127.0.0.1/a}", "%00", "..%2F");

    static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");

    /** Fills an endpoint pattern's variables from {@code values} (name → encoded segment), {@code fallback} else. */
    static String fill(String pattern, Map<String, String> values, String fallback) {
        var matcher = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group().substring(1, matcher.group().length() - 1).split(":")[0].replace("*", "");
            matcher.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(values.getOrDefault(name, fallback)));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    static String objectJson(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    /**
     * A whole body that is not a command at all, and the code of its 400 where a body with fields is required:
     * {@code request.malformed} for each of them, also for an object of unknown fields whose JSON does not parse to
     * its end (the parser meets the broken syntax before the unknown field is reported).
     */
    record Junk(byte[] bytes, String code) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final String MALFORMED = Expected.MALFORMED;

    static Junk junkBody(Random random) {
        List<Junk> bodies = new ArrayList<>(List.of(
                junk("", MALFORMED), junk("null", MALFORMED), junk("[]", MALFORMED), junk("\"string\"", MALFORMED),
                junk("123", MALFORMED), junk("{", MALFORMED), junk("}", MALFORMED), junk("{\"a\":}", MALFORMED),
                junk("{'single':'quotes'}", MALFORMED), junk("{a:1}", MALFORMED), junk("{\"a\":1,}", MALFORMED),
                junk("{/* comment */}", MALFORMED), junk("[".repeat(5000) + "]".repeat(5000), MALFORMED),
                junk("{\"a\":".repeat(3000) + "1" + "}".repeat(3000), MALFORMED),
                junk("{\"x\":" + "1".repeat(5000) + "}", MALFORMED),
                junk("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                        MALFORMED),
                junk("name=x&township=gaoxin", MALFORMED),
                new Junk(new byte[]{(byte) 0xff, (byte) 0xfe, 0, 0x7b, 0, 0x7d}, MALFORMED),
                new Junk(new byte[]{0x7b, 0x22, (byte) 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d}, MALFORMED),
                new Junk(new byte[]{0, 0, 0, 0}, MALFORMED),
                junk("\u0000{}", MALFORMED), junk("{\"name\":\"" + "\\".repeat(101) + "\"}", MALFORMED)));
        return bodies.get(random.nextInt(bodies.size()));
    }

    private static Junk junk(String text, String code) {
        return new Junk(bytes(text), code);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A UUID from {@code random}, so that a seed replays it (any 128 bits parse as a UUID). */
    static java.util.UUID uuid(Random random) {
        return new java.util.UUID(random.nextLong(), random.nextLong());
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
