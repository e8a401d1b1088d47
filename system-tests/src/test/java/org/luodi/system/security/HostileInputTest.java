package org.luodi.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.luodi.system.security.AccountsOnlySides.Endpoint;
import org.luodi.system.security.Hostile.Field;
import org.luodi.system.security.Hostile.Kind;
import org.luodi.system.security.Hostile.Sender;
import org.luodi.system.security.Hostile.Template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile input against every endpoint of both running sides (issue "Nothing lost, nobody let in", item 4): random
 * and malformed bodies, headers, paths and query parameters, as valid users and as nobody. Whatever is sent: never a
 * 5xx, never a stack trace or an exception's name, every error a problem+json, and nothing written to the event
 * store unless the test meant the request to be valid. Command bodies start from a valid command and get one to
 * three mutations that each make it invalid, plus legal-but-odd text (SQL, script, RTL marks, emoji) that must pass
 * through unchanged; about one try in eight is left valid on purpose and must be recorded (or refused with 409).
 * The endpoints are those Spring maps on each side now (actuator mappings of {@link AccountsOnlySides}).
 * <p>
 * The inputs come from our own generator over {@link Random}: each case is a {@link DynamicTest} with a Random of
 * its own derived from one fixed seed (see {@link Seeded}), and a failing case names the seed, its number and its
 * input, so that {@code -Dluodi.hostile.seed=… -Dluodi.hostile.case=…} sends the same request again.
 */
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final AtomicInteger WRITES = new AtomicInteger();
    private static final Map<String, String> SUMMARY = new LinkedHashMap<>();
    /** Every case's violations by class, for the summary: one run shows every distinct defect. */
    private static final Verdicts ALL = new Verdicts();
    private static final long SEED = Seeded.seed();

    static final int COMMAND_CASES = 1200;
    static final int QUERY_CASES = 1100;
    static final int MALFORMED_HTTP_CASES = 100;

    private static Fixture fixture;
    private static List<Endpoint> writeEndpoints;
    private static List<Endpoint> readEndpoints;

    enum Breaker {
        /** no, a wrong, or a malformed Authorization header */
        NOBODY,
        /** a supervisor or admin for a clerk's command, a clerk for a supervisor's */
        WRONG_ROLE,
        /** the clerk of 陈贵镇 on 高新区's project (or signing for another township) */
        OTHER_TOWNSHIP,
        /** a project id that names no project */
        UNKNOWN_PROJECT,
        FIELD_VALUE, FIELD_MISSING, UNKNOWN_FIELD, DUPLICATE_KEY, TRAILING_GARBAGE, JUNK_BODY,
        CONTENT_TYPE, IDEMPOTENCY_KEY, UNACCEPTABLE, WRONG_METHOD
    }

    /**
     * One request. {@code expected} is the refusal it must get (null where it is meant valid or only its shape of
     * answer is checked); {@code oddTexts} the legal-but-odd texts a valid command carries, to be read back.
     */
    record Attempt(Endpoint endpoint, String method, String path, Map<String, String> headers, byte[] body,
                   boolean meantValid, String caller, Set<Breaker> breakers, boolean offPattern,
                   Expected.Refusal expected, List<String> oddTexts, OtherWrites.Write write) {
        Attempt(Endpoint endpoint, String method, String path, Map<String, String> headers, byte[] body,
                boolean meantValid, String caller, Set<Breaker> breakers, boolean offPattern) {
            this(endpoint, method, path, headers, body, meantValid, caller, breakers, offPattern, null, List.of(), null);
        }

        Attempt(Endpoint endpoint, String method, String path, Map<String, String> headers, byte[] body,
                boolean meantValid, String caller, Set<Breaker> breakers, boolean offPattern,
                Expected.Refusal expected, List<String> oddTexts) {
            this(endpoint, method, path, headers, body, meantValid, caller, breakers, offPattern, expected, oddTexts,
                    null);
        }

        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            Map<String, String> shown = new LinkedHashMap<>();
            headers.forEach((k, v) -> shown.put(k, v.length() > 60 ? v.substring(0, 60) + "…" : v));
            return method + " " + path + " as " + caller + " " + (meantValid ? "VALID" : breakers)
                    + (expected == null ? "" : " expecting " + expected) + " headers="
                    + shown + " body=" + (text.length() > 400 ? text.substring(0, 400) + "…" : text);
        }
    }

    @BeforeAll
    static void discover() {
        System.out.println("HostileInputTest: seed " + SEED + " (replay with -D" + Seeded.SEED_PROPERTY + "=" + SEED
                + ")");
        SUMMARY.put("seed", String.valueOf(SEED));
        fixture = Fixture.get();
        // sorted: the order Spring lists its mappings in is not the same from one start to the next, a seed's is
        List<Endpoint> all = AccountsOnlySides.get().endpoints().stream()
                .sorted(Comparator.comparing(Endpoint::toString)).toList();
        writeEndpoints = all.stream().filter(e -> !e.method().equals("GET") && !e.method().equals("HEAD")).toList();
        readEndpoints = all.stream().filter(e -> e.method().equals("GET")).toList();
        SUMMARY.put("endpoints", all.size() + " " + all);
        assertThat(writeEndpoints).as("command endpoints found").isNotEmpty();
        assertThat(readEndpoints).as("query endpoints found").isNotEmpty();
        List<String> untemplated = writeEndpoints.stream().filter(e -> e.isApi()
                        && Hostile.template(e.method(), e.pattern()) == null && OtherWrites.of(e.method(), e.pattern()) == null)
                .map(e -> e.method() + " " + e.pattern()).filter(e -> !WITHOUT_TEMPLATE.containsKey(e)).distinct().toList();
        // a new write endpoint must come with its template (Hostile.COMMANDS or OtherWrites), or the random junk
        // sent to it could only be held to "some 4xx"
        assertThat(untemplated).as("API write endpoints without a template in Hostile or OtherWrites").isEmpty();
        SUMMARY.put("write endpoints without a template", WITHOUT_TEMPLATE.toString());
        SUMMARY.put("write endpoints whose valid call is not made (every call must get the lookup's refusal)",
                OtherWrites.ALL.stream().filter(w -> w.lookup() != null).map(w -> w.method() + " " + w.pattern()
                        + " -> " + w.lookup()).toList().toString());
    }

    /**
     * API write endpoints allowed to have no template (generic junk only, held to "some 4xx, problem+json, nothing
     * written"), each with the reason (METHOD pattern → why).
     */
    static final Map<String, String> WITHOUT_TEMPLATE = withLeads(Map.of("PUT /api/targets/{year}/categories",
            "a valid call logs a change only when the category differs from the current one, which a seeded random "
                    + "body cannot know; its refusals and its valid calls are held exactly by TargetsTest (query side) "
                    + "and its role and township gates by AccessTest",
            "POST /api/ledger/import",
            "a multipart upload of a workbook, which the JSON templates cannot express: every refusal of a bad "
                    + "file is held exactly (status, code, cell, nothing written) by command-side BadLedgerTest and "
                    + "LedgerImportTest, the gateway's pass-through by LedgerRoundTripTest; here the random junk must "
                    + "still get a 4xx problem+json and write nothing",
            "POST /api/projects/{id}/evidence",
            "a multipart upload of a photo or PDF (实证, #19): each refusal (type by content 415, 20 MiB 413, no kind, "
                    + "a milestone not reached, another township, no such project) is held exactly, with nothing "
                    + "written and no bytes kept, by command-side EvidenceApiTest; here the random junk must still get "
                    + "a 4xx problem+json and write nothing",
            "POST /api/tickets/{id}/evidence",
            "a multipart upload to a ticket (实证, #19): its refusals (the department not assigned, no such ticket) "
                    + "are held exactly by command-side EvidenceApiTest; here the random junk must still get a 4xx "
                    + "problem+json and write nothing"));

    /** A lead's steps (项目信息, #20), each allowed without a template for the same reason. */
    private static Map<String, String> withLeads(Map<String, String> others) {
        Map<String, String> all = new LinkedHashMap<>(others);
        String why = "a lead's step (#20): every rule of its body, its stage and who may take it is held exactly by "
                + "command-side LeadTest (given / when / then) and the signing from a lead by LeadConversionApiTest, "
                + "who may reach whose lead by AccessTest's walks over 陈贵镇's lead; here the random junk must still "
                + "get a 4xx problem+json and write nothing";
        all.put("POST /api/leads", why);
        for (String step : OtherWrites.LEAD_ACTIONS) {
            all.put("POST /api/leads/{id}/" + step, why);
        }
        return Map.copyOf(all);
    }

    @AfterAll
    static void summarize() throws IOException {
        SUMMARY.put("requests sent", String.valueOf(REQUESTS.get()));
        SUMMARY.put("deliberately valid writes", String.valueOf(WRITES.get()));
        SUMMARY.put("violations", ALL.report());
        StringBuilder text = new StringBuilder();
        SUMMARY.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        Path out = Path.of(System.getProperty("luodi.testOutput", "target/test-output"), "hostile-input-summary.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text.toString());
        System.out.println(text);
    }

    /**
     * {@code count} cases of one generator as dynamic tests (only {@code luodi.hostile.case} when it is set): each
     * makes its input from its own seeded Random, sends it, and fails with the seed, its number and the input when
     * {@code check} finds a violation.
     */
    private <A> Stream<DynamicTest> cases(String test, int count, Generator<A> generate, Checker<A> check) {
        int only = Seeded.onlyCase();
        // numbered from 1, as the reports number dynamic tests
        IntStream indices = only > 0 ? IntStream.of(only) : IntStream.rangeClosed(1, count);
        return indices.mapToObj(i -> DynamicTest.dynamicTest("case " + i, () -> {
            A attempt;
            try {
                attempt = generate.make(Seeded.random(SEED, test, i), i);
            } catch (RuntimeException e) {
                throw new AssertionError("case " + i + " of " + test + " could not be made (seed " + SEED
                        + "; replay: " + Seeded.replay(SEED, test, i) + ")", e);
            }
            Verdicts verdicts = new Verdicts();
            check.check(attempt, verdicts);
            ALL.addAll(verdicts);
            if (!verdicts.isEmpty()) {
                fail("case " + i + " of " + test + ", seed " + SEED + " (replay: " + Seeded.replay(SEED, test, i)
                        + ")\ninput: " + attempt + "\n" + verdicts.report());
            }
        }));
    }

    @FunctionalInterface
    interface Generator<A> {
        A make(Random random, int index);
    }

    @FunctionalInterface
    interface Checker<A> {
        void check(A attempt, Verdicts verdicts);
    }

    // ---- commands

    @TestFactory
    Stream<DynamicTest> commandsRefuseHostileInputAndWriteNothing() {
        return cases("commandsRefuseHostileInputAndWriteNothing", COMMAND_CASES, (random, i) -> commandAttempt(random),
                HostileInputTest::checkCommand);
    }

    private static void checkCommand(Attempt attempt, Verdicts verdicts) {
        long before = fixture.storedEvents();
        // a write that is not a command writes elsewhere: counted in the table it writes
        String own = attempt.write() == null ? null : attempt.write().writes();
        long ownBefore = own == null ? 0 : fixture.count(own);
        Http.Answer answer = send(attempt);
        long written = fixture.storedEvents() - before;
        long ownWritten = own == null ? 0 : fixture.count(own) - ownBefore;
        String where = attempt.endpoint().toString();
        verdicts.answer(where, attempt.toString(), answer);
        if (attempt.write() != null) {
            if (written != 0) {
                verdicts.violation(attempt.write().pattern() + " WROTE " + written + " events", attempt + " -> " + answer);
            }
            if (attempt.meantValid()) {
                checkValidOtherWrite(attempt, answer, ownWritten, verdicts);
                return;
            }
            if (ownWritten != 0) {
                verdicts.violation("hostile request WROTE " + ownWritten + " rows (" + own + ") on " + where + " "
                        + attempt.breakers(), attempt + " -> " + answer);
            }
            written = ownWritten;
        }
        if (attempt.meantValid()) {
            // a valid command on a fresh project: recorded, exactly once, and its odd texts stored as they were sent
            if (answer.status() / 100 == 2 && written == 1) {
                WRITES.incrementAndGet();
                String missing = oddTextsReadBack(attempt, answer);
                if (missing != null) {
                    verdicts.violation("odd-but-legal text not shown back unchanged on " + where,
                            attempt + " -> " + missing);
                }
            } else {
                verdicts.violation("valid command not recorded (" + answer.status() + ", " + written + " events) on "
                        + where, attempt + " -> " + answer);
            }
        } else {
            if (written != 0) {
                verdicts.violation("hostile request WROTE " + written + " events on " + where + " " + attempt.breakers(),
                        attempt + " -> " + answer);
            }
            if (attempt.expected() != null && answer.status() != attempt.expected().status()) {
                verdicts.violation("expected " + attempt.expected().status() + ", got " + answer.status() + " on "
                        + where + " " + attempt.breakers(), attempt + " -> " + answer);
            } else if (attempt.expected() != null && !attempt.expected().codes().contains(code(answer))) {
                verdicts.violation("expected code " + attempt.expected().codes() + ", got " + code(answer) + " on "
                        + where + " " + attempt.breakers(), attempt + " -> " + answer);
            } else if (answer.status() < 400) {
                verdicts.violation("hostile request accepted (" + answer.status() + ") on " + where + " "
                        + attempt.breakers(), attempt + " -> " + answer);
            }
        }
        if (attempt.caller().equals("nobody") && attempt.endpoint().isApi()
                && answer.status() != 401 && answer.status() != 400 && answer.status() != 413) {
            verdicts.violation("anonymous not refused with 401 on " + where, attempt + " -> " + answer);
        }
    }

    /** The problem's code of an answer, or what its body is when it is no problem. */
    private static String code(Http.Answer answer) {
        if (!answer.isProblem()) {
            return "(no problem: " + answer.contentType() + ")";
        }
        try {
            return JSON.readTree(answer.body()).path("code").asText();
        } catch (IOException e) {
            return "(not JSON)";
        }
    }

    /** The target key a targets write's valid call sets: a 项目信息 key for the leads' targets, else an indicator. */
    private static String targetKey(OtherWrites.Write write) {
        return write.pattern().endsWith("/leads") ? OtherWrites.LEAD_TARGET_KEY : OtherWrites.TARGET_INDICATOR;
    }

    /**
     * A valid call of a write that is not a command (the targets): answered with its status, one change written, and
     * the value and the reason stored as they were sent (odd-but-legal text included; the reason is stored stripped
     * of surrounding blanks, which no odd text has), read back from the change it wrote.
     */
    private static void checkValidOtherWrite(Attempt attempt, Http.Answer answer, long written, Verdicts verdicts) {
        String where = attempt.endpoint().toString();
        if (answer.status() != attempt.write().validStatus() || written != 1) {
            verdicts.violation("valid call not done (" + answer.status() + ", " + written + " rows) on " + where,
                    attempt + " -> " + answer);
            return;
        }
        WRITES.incrementAndGet();
        JsonNode sent = json(new String(attempt.body(), StandardCharsets.UTF_8));
        if (attempt.write().pattern().equals("/api/working-days")) {
            List<String> stored = fixture.latestWorkingDayChange();
            List<String> expected = List.of(OtherWrites.CALENDAR_DAY, sent.path("reason").asText());
            if (!stored.equals(expected)) {
                verdicts.violation("calendar change or reason not stored as sent on " + where, attempt + " -> stored "
                        + stored + ", sent " + expected);
            }
            return;
        }
        if (attempt.write().pattern().startsWith("/api/assessment/")) {
            List<String> stored = fixture.latestAdjustment(OtherWrites.TARGET_YEAR);
            List<String> expected = List.of(OtherWrites.ADJUSTMENT_POINTS, sent.path("reason").asText());
            if (!stored.equals(expected)) {
                verdicts.violation("adjustment or reason not stored as sent on " + where, attempt + " -> stored "
                        + stored + ", sent " + expected);
            }
            return;
        }
        if (attempt.write().pattern().equals("/api/notify/robots")) {
            List<String> stored = fixture.latestRobot();
            List<String> expected = List.of(sent.path("name").asText().strip(), sent.path("reason").asText().strip());
            if (!stored.equals(expected)) {
                verdicts.violation("robot's name or reason not stored as sent on " + where, attempt + " -> stored "
                        + stored + ", sent " + expected);
            }
            return;
        }
        String key = targetKey(attempt.write());
        String value = sent.path("targets").path(key).asText();
        Map<String, String> path = attempt.write().path();
        List<String> stored = path.containsKey("chain")
                ? fixture.latestTargetChange(OtherWrites.TARGET_YEAR, "chain", path.get("chain"), key)
                : path.containsKey("township")
                ? fixture.latestTargetChange(OtherWrites.TARGET_YEAR, "township", path.get("township"), key)
                : fixture.latestTargetChange(OtherWrites.TARGET_YEAR, "county", "county", key);
        List<String> expected = List.of(new java.math.BigDecimal(value).stripTrailingZeros().toPlainString(),
                sent.path("reason").asText());
        if (!stored.equals(expected)) {
            verdicts.violation("target or reason not stored as sent on " + where, attempt + " -> stored " + stored
                    + ", sent " + expected);
        }
    }

    /**
     * Null when every odd text of a recorded valid command is shown back, exactly, by the query side's history of
     * its project (the event's data or its reason); else what was missing and what the history held. Waits for the
     * event to reach the history (at most 10 s).
     */
    private static String oddTextsReadBack(Attempt attempt, Http.Answer answer) {
        if (attempt.oddTexts().isEmpty()) {
            return null;
        }
        String project = attempt.path().equals("/api/projects") ? json(answer).path("projectId").asText()
                : attempt.path().split("/")[3];
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        List<String> shown = List.of();
        while (System.nanoTime() < deadline) {
            Http.Answer history = Http.get(fixture.luodi.queryUrl() + "/api/projects/" + project + "/history",
                    Http.demo("supervisor"));
            if (history.status() == 200) {
                List<String> texts = new ArrayList<>();
                json(history).path("events").forEach(event -> strings(event, texts));
                shown = texts;
                if (texts.containsAll(attempt.oddTexts())) {
                    return null;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        List<String> missing = new ArrayList<>(attempt.oddTexts());
        missing.removeAll(shown);
        return "not shown back: " + missing + "; the history of " + project + " holds " + shown;
    }

    /** Every string value anywhere in {@code node}. */
    private static void strings(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> strings(child, into));
    }

    /** Any write endpoint; one try in eight meant valid, else one to three breakers; up to three odd texts. */
    private Attempt commandAttempt(Random random) {
        Endpoint endpoint = Hostile.pick(random, writeEndpoints);
        boolean meantValid = random.nextInt(8) == 0;
        Set<Breaker> breakers = EnumSet.noneOf(Breaker.class);
        int size = 1 + random.nextInt(3);
        while (breakers.size() < size) {
            breakers.add(Hostile.pick(random, List.of(Breaker.values())));
        }
        int oddTexts = random.nextInt(4);
        return commandAttempt(endpoint, meantValid, breakers, oddTexts, random);
    }

    private Attempt commandAttempt(Endpoint endpoint, boolean meantValid, Set<Breaker> breakers, int oddTexts,
                                   Random random) {
        Template template = Hostile.template(endpoint.method(), endpoint.pattern());
        if (template == null) {
            OtherWrites.Write write = OtherWrites.of(endpoint.method(), endpoint.pattern());
            return write == null ? genericWrite(endpoint, breakers, random)
                    : otherWriteAttempt(endpoint, write, meantValid, breakers, oddTexts, random);
        }
        Set<Breaker> applied = meantValid ? EnumSet.noneOf(Breaker.class) : EnumSet.copyOf(breakers);
        String project = template.suffix().isEmpty() ? null
                : meantValid ? freshProject(template.needsStart()) : fixture.gaoxinProject;
        Map<String, String> fields = new LinkedHashMap<>();
        for (Field field : template.fields()) {
            if (field.required() || (field.valid() != null && random.nextBoolean())) {
                fields.put(field.name(), field.valid());
            }
        }
        List<Field> texts = template.fields().stream().filter(f -> f.kind() == Kind.TEXT && fields.containsKey(f.name()))
                .toList();
        for (int i = 0; i < oddTexts && !texts.isEmpty(); i++) {
            fields.put(Hostile.pick(random, texts).name(), Hostile.pick(random, Hostile.ODD_BUT_LEGAL_TEXT));
        }
        // what each breaker makes the sides refuse: per field (a later breaker of the same field replaces an
        // earlier one's value, and so its effect), and for the request as a whole
        Map<String, Expected.Effect> fieldEffects = new LinkedHashMap<>();
        List<Expected.Effect> effects = new ArrayList<>();
        boolean signing = template.suffix().isEmpty();

        String caller = rightCaller(template, random);
        String authorization = Http.demo(caller);
        String method = "POST";
        Map<String, String> headers = validHeaders(random);
        String suffix = template.suffix();
        byte[] body = null;
        for (Breaker breaker : applied) {
            switch (breaker) {
                case NOBODY -> {
                    caller = "nobody";
                    authorization = nobodyAuthorization(random);
                }
                case WRONG_ROLE -> {
                    caller = template.sender() == Sender.SUPERVISOR ? "gaoxin"
                            : template.sender() == Sender.CLERK_OR_SUPERVISOR ? "admin"
                            : Hostile.pick(random, List.of("supervisor", "admin"));
                    authorization = Http.demo(caller);
                }
                case OTHER_TOWNSHIP -> {
                    if (template.sender() == Sender.SUPERVISOR) {
                        caller = "chengui"; // a clerk: refused as a role, and not of this township either
                    } else if (suffix.isEmpty()) {
                        fields.put("township", "\"chengui\"");
                        fieldEffects.remove("township");
                    } else {
                        caller = "chengui";
                    }
                    authorization = Http.demo(caller);
                }
                case UNKNOWN_PROJECT -> {
                    if (suffix.isEmpty()) {
                        Field projectId = Field.of("projectId", Kind.UUID, false, null);
                        String value = Hostile.pick(random, Hostile.breaking(projectId));
                        fields.put("projectId", value);
                        fieldEffects.put("projectId", Expected.fieldValue(projectId, value, true));
                    } else {
                        project = random.nextBoolean() ? Hostile.uuid(random).toString()
                                : Hostile.pick(random, Hostile.PATH_VALUES);
                        effects.add(Expected.unknownProjectInPath(project, endpoint.side()));
                    }
                }
                case FIELD_VALUE -> {
                    Field field = Hostile.pick(random, template.fields());
                    List<String> values = new ArrayList<>(Hostile.breaking(field));
                    if (!field.required()) {
                        values.removeAll(List.of("\"   \"", "null", "\"\""));
                    }
                    String value = Hostile.pick(random, values);
                    fields.put(field.name(), value);
                    fieldEffects.put(field.name(), Expected.fieldValue(field, value, signing));
                }
                case FIELD_MISSING -> {
                    List<Field> required = template.fields().stream().filter(Field::missingIsRefused).toList();
                    Field field = Hostile.pick(random, required);
                    if (random.nextBoolean()) {
                        fields.remove(field.name());
                    } else {
                        fields.put(field.name(), "null");
                    }
                    fieldEffects.put(field.name(), Expected.missing(field));
                }
                case UNKNOWN_FIELD -> fields.put(Hostile.pick(random, List.of("isAdmin", "__proto__", "constructor",
                        "township ", "Township", "role", "actor", "recordedAt", "amountUsdWan2", "@class")),
                        Hostile.pick(random, List.of("true", "{}", "\"SUPERVISOR\"", "{\"@class\":\"java.lang.Runtime\"}")));
                default -> {
                    // the whole-request breakers are applied below
                }
            }
        }
        Request request = wholeRequest(applied, template.fields(), fields, headers, effects, OtherWrites.Body.REQUIRED,
                "POST", random);
        method = request.method();
        body = request.body();
        if (caller.equals("nobody")) {
            effects.add(new Expected.Effect(Expected.AUTHENTICATION, 401, Expected.AUTH_REQUIRED, "no valid credentials"));
        } else {
            String township = fields.get("township") == null ? null : fields.get("township").replace("\"", "");
            Expected.Effect who = Expected.caller(caller, template.sender(), signing,
                    "gaoxin".equals(township) || "chengui".equals(township) ? township : null);
            if (who != null) {
                effects.add(who);
            }
        }
        if (!applied.contains(Breaker.JUNK_BODY)) { // a junk body replaced the fields
            effects.addAll(fieldEffects.values());
        }
        Expected.Refusal expected = meantValid ? null : Expected.firstOf(effects);
        List<String> odd = new ArrayList<>();
        for (Field field : texts) {
            String value = fields.get(field.name());
            if (value != null && Hostile.ODD_BUT_LEGAL_TEXT.contains(value)) {
                odd.add(HostileInputTest.json(value).asText());
            }
        }
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        String path = project == null ? endpoint.pattern() : Hostile.fill(endpoint.pattern(), Map.of("id", project), project);
        return new Attempt(endpoint, method, path, headers, body, meantValid, caller, applied, false, expected,
                odd);
    }

    /** The method and body of a request after the breakers of the request as a whole. */
    record Request(String method, byte[] body) {
    }

    /**
     * Applies the breakers of the request as a whole (body, Content-Type, Accept, Idempotency-Key, method) to a
     * request whose fields are {@code fields}, adding the refusal each causes to {@code effects}; a body that is not
     * read ({@code NOT_READ}) makes the body's breakers harmless, and an empty or {@code null} body where the body
     * is optional is a body without its fields.
     */
    private static Request wholeRequest(Set<Breaker> applied, List<Field> template, Map<String, String> fields,
                                        Map<String, String> headers, List<Expected.Effect> effects,
                                        OtherWrites.Body use, String method, Random random) {
        List<Expected.Effect> bodyEffects = new ArrayList<>();
        if (applied.contains(Breaker.UNKNOWN_FIELD)) {
            bodyEffects.add(new Expected.Effect(Expected.JSON, 400, Expected.INVALID, "unknown field"));
        }
        String json = Hostile.objectJson(fields);
        if (applied.contains(Breaker.DUPLICATE_KEY)) {
            bodyEffects.add(new Expected.Effect(Expected.JSON, 400, Expected.MALFORMED, "a key twice"));
            Field field = template.isEmpty() ? Field.of("reason", Kind.REASON, true, "\"x\"")
                    : Hostile.pick(random, template);
            String value = field.valid() == null ? "\"0-0-0-0-0\"" : field.valid();
            json = json.substring(0, json.length() - 1) + (fields.isEmpty() ? "" : ",") + "\"" + field.name() + "\":"
                    + value + "}";
            if (!fields.containsKey(field.name())) {
                json = json.substring(0, json.length() - 1) + ",\"" + field.name() + "\":" + value + "}";
            }
        }
        if (applied.contains(Breaker.TRAILING_GARBAGE)) {
            json += Hostile.pick(random, List.of("]", "}", " {\"township\":\"chengui\"}", "garbage", ",", "\u0000",
                    " // comment", "{}"));
            bodyEffects.add(new Expected.Effect(Expected.JSON, 400, Expected.MALFORMED, "text after the JSON"));
        }
        byte[] body = Hostile.bytes(json);
        if (applied.contains(Breaker.JUNK_BODY)) {
            Hostile.Junk junk = Hostile.junkBody(random);
            body = junk.bytes();
            boolean empty = junk.text().isEmpty() || junk.text().equals("null");
            if (use == OtherWrites.Body.OPTIONAL && empty) {
                // no body: the endpoint's required fields are missing
                bodyEffects.clear();
                template.stream().filter(Field::required).forEach(f -> bodyEffects.add(Expected.missing(f)));
            } else {
                bodyEffects.add(new Expected.Effect(Expected.JSON, 400, junk.code(), "a body that is no command"));
            }
        }
        if (applied.contains(Breaker.CONTENT_TYPE)) {
            String type = Hostile.pick(random, Hostile.CONTENT_TYPES_REFUSED);
            if (type.startsWith("application/x-www-form-urlencoded") && new String(body, StandardCharsets.UTF_8)
                    .contains("%")) {
                // read as a form, "%00" is a parameter holding NUL, which the firewall refuses (400) wherever a filter
                // first reads parameters: that is the firewall's case, not the Content-Type's
                type = "text/plain";
            }
            headers.put("Content-Type", type);
            if (random.nextInt(5) == 0) {
                headers.remove("Content-Type");
                if (body.length > 0) { // an empty body without a type is no body: nothing to convert
                    effects.add(new Expected.Effect(Expected.CONVERTER, 415, Expected.UNSUPPORTED, "no Content-Type"));
                }
            } else {
                effects.add(Expected.contentType(type));
            }
        }
        if (applied.contains(Breaker.IDEMPOTENCY_KEY)) {
            headers.put("Idempotency-Key", Hostile.pick(random, Hostile.IDEMPOTENCY_KEYS_REFUSED));
            effects.add(new Expected.Effect(Expected.KEY, 400, Expected.INVALID, "Idempotency-Key"));
        }
        if (applied.contains(Breaker.UNACCEPTABLE)) {
            headers.put("Accept", Hostile.pick(random, Hostile.ACCEPT_REFUSED));
            effects.add(new Expected.Effect(Expected.ACCEPT, 406, Expected.NOT_ACCEPTABLE, "Accept without JSON"));
        }
        if (applied.contains(Breaker.WRONG_METHOD)) {
            // not GET: on the query side, GET /api/projects is the (valid) list next to the forwarded POST
            String mapped = method;
            method = Hostile.pick(random, Stream.of("POST", "PUT", "PATCH", "DELETE").filter(m -> !m.equals(mapped))
                    .toList());
            effects.add(new Expected.Effect(Expected.METHOD, 405, Expected.METHOD_NOT_ALLOWED, method + " is not mapped"));
        }
        if (use != OtherWrites.Body.NOT_READ) {
            effects.addAll(bodyEffects);
        } else {
            // nothing reads the body: only the request hygiene looks at its Content-Type
            effects.removeIf(e -> e.stage() == Expected.CONVERTER);
        }
        return new Request(method, body);
    }

    /** No, a malformed or a wrong Authorization header (null: none). */
    private static String nobodyAuthorization(Random random) {
        String authorization = Hostile.pick(random, List.of("", "Basic", "Basic ===", "Basic "
                        + java.util.Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)),
                Http.basic("gaoxin", "wrong-" + random.nextInt(1000)), Http.basic("nobody-" + random.nextInt(), "x"),
                "Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiU1VQRVJWSVNPUiJ9.", "Digest username=\"gaoxin\"",
                Http.basic("gaoxin", "gaoxin\u0000"), Http.basic("supervisor ", "supervisor"),
                "basic " + java.util.Base64.getEncoder().encodeToString("gaoxin:GAOXIN".getBytes())));
        return authorization.isEmpty() ? null : authorization;
    }

    /** Content-Type, sometimes an Idempotency-Key and an Accept that admits JSON: the headers of a valid write. */
    private static Map<String, String> validHeaders(Random random) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", random.nextBoolean() ? "application/json" : "application/json;charset=UTF-8");
        if (random.nextInt(3) == 0) {
            headers.put("Idempotency-Key", Hostile.uuid(random).toString());
        }
        if (random.nextInt(4) == 0) {
            headers.put("Accept", Hostile.pick(random, List.of("application/json", "*/*", "application/problem+json",
                    "application/json, text/plain, */*", "application/*")));
        }
        return headers;
    }

    /**
     * A write that is not a project command ({@link OtherWrites}), broken like a command: the same breakers, each
     * with the refusal it gets there. Where the valid call cannot be made on the shared Luodi, a try meant valid is
     * the valid call on a path that names nothing, and must get exactly that refusal.
     */
    private Attempt otherWriteAttempt(Endpoint endpoint, OtherWrites.Write write, boolean meantValid,
                                      Set<Breaker> breakers, int oddTexts, Random random) {
        Set<Breaker> applied = meantValid ? EnumSet.noneOf(Breaker.class) : EnumSet.copyOf(breakers);
        Map<String, String> variables = new LinkedHashMap<>(write.path());
        Map<String, String> fields = new LinkedHashMap<>();
        write.fields().forEach(field -> fields.put(field.name(), field.valid()));
        if (fields.containsKey("targets")) { // a new value each time, so that a valid call changes the target
            fields.put("targets", "{\"" + targetKey(write) + "\":" + (1 + random.nextInt(1_000_000)) + "}");
        }
        List<Field> texts = write.fields().stream().filter(f -> f.kind() == Kind.REASON).toList();
        for (int i = 0; i < oddTexts && !texts.isEmpty(); i++) {
            fields.put(Hostile.pick(random, texts).name(), Hostile.pick(random, Hostile.ODD_BUT_LEGAL_TEXT));
        }
        Map<String, Expected.Effect> fieldEffects = new LinkedHashMap<>();
        List<Expected.Effect> effects = new ArrayList<>();
        if (write.lookup() != null) {
            effects.add(write.lookup());
        }
        String caller = write.caller();
        String authorization = Http.demo(caller);
        Map<String, String> headers = validHeaders(random);
        for (Breaker breaker : applied) {
            switch (breaker) {
                case NOBODY -> {
                    caller = "nobody";
                    authorization = nobodyAuthorization(random);
                }
                case WRONG_ROLE, OTHER_TOWNSHIP -> {
                    // a clerk of another township is, here, a caller of the wrong role
                    caller = breaker == Breaker.OTHER_TOWNSHIP ? "chengui" : Hostile.pick(random, write.wrongCallers());
                    authorization = Http.demo(caller);
                }
                case UNKNOWN_PROJECT -> {
                    if (!write.pathBreaks().isEmpty()) {
                        OtherWrites.PathBreak broken = Hostile.pick(random, write.pathBreaks());
                        variables.put(broken.variable(), broken.value());
                        effects.add(broken.effect());
                    } else if (caller.equals(write.caller()) && !write.wrongCallers().isEmpty()) {
                        // no path to break (a working day, a robot): alone, this breaker would leave a valid call,
                        // so the try stays hostile by its caller instead
                        caller = Hostile.pick(random, write.wrongCallers());
                        authorization = Http.demo(caller);
                    }
                }
                case FIELD_VALUE -> {
                    if (!write.fields().isEmpty()) {
                        Field field = Hostile.pick(random, write.fields());
                        String value = Hostile.pick(random, Hostile.breaking(field));
                        fields.put(field.name(), value);
                        fieldEffects.put(field.name(), Expected.fieldValue(field, value, false));
                    }
                }
                case FIELD_MISSING -> {
                    if (!write.fields().isEmpty()) {
                        Field field = Hostile.pick(random, write.fields());
                        if (random.nextBoolean()) {
                            fields.remove(field.name());
                        } else {
                            fields.put(field.name(), "null");
                        }
                        fieldEffects.put(field.name(), Expected.missing(field));
                    }
                }
                case UNKNOWN_FIELD -> fields.put(Hostile.pick(random, List.of("isAdmin", "__proto__", "actor",
                        "Reason", "reason ", "@class", "processingGroup")), Hostile.pick(random, List.of("true", "{}",
                        "\"ADMIN\"", "{\"@class\":\"java.lang.Runtime\"}")));
                default -> {
                    // the whole-request breakers are applied below
                }
            }
        }
        Request request = wholeRequest(applied, write.fields(), fields, headers, effects, write.body(), write.method(),
                random);
        if (caller.equals("nobody")) {
            effects.add(new Expected.Effect(Expected.AUTHENTICATION, 401, Expected.AUTH_REQUIRED, "no valid credentials"));
        } else if (!write.allows(caller)) {
            effects.add(new Expected.Effect(Expected.ROLE, 403, Expected.ACCESS_DENIED, caller + " may not"));
        }
        if (write.body() != OtherWrites.Body.NOT_READ && !applied.contains(Breaker.JUNK_BODY)) {
            effects.addAll(fieldEffects.values());
        }
        boolean valid = meantValid && write.lookup() == null;
        List<String> odd = new ArrayList<>();
        for (Field field : texts) {
            String value = fields.get(field.name());
            if (valid && value != null && Hostile.ODD_BUT_LEGAL_TEXT.contains(value)) {
                odd.add(HostileInputTest.json(value).asText());
            }
        }
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return new Attempt(endpoint, request.method(), write.filledPath(variables), headers, request.body(), valid,
                caller, applied, false, valid ? null : Expected.firstOf(effects), odd, write);
    }

    private static String rightCaller(Template template, Random random) {
        return switch (template.sender()) {
            case CLERK -> "gaoxin";
            case CLERK_OR_SUPERVISOR -> random.nextBoolean() ? "gaoxin" : "supervisor";
            case SUPERVISOR -> "supervisor";
        };
    }

    /** A write endpoint the tests know no valid body for: junk or random objects, as anyone. */
    private Attempt genericWrite(Endpoint endpoint, Set<Breaker> breakers, Random random) {
        Map<String, String> fields = new LinkedHashMap<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            Field field = Field.of(Hostile.pick(random, Hostile.PARAMETER_NAMES), Hostile.pick(random, List.of(Kind.values())),
                    true, null);
            fields.put(field.name(), Hostile.pick(random, Hostile.breaking(field)));
        }
        byte[] body = random.nextBoolean() ? Hostile.junkBody(random).bytes() : Hostile.bytes(Hostile.objectJson(fields));
        String caller = Hostile.pick(random, List.of("supervisor", "admin", "gaoxin", "nobody"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", breakers.contains(Breaker.CONTENT_TYPE)
                ? Hostile.pick(random, Hostile.CONTENT_TYPES_REFUSED) : "application/json");
        if (!caller.equals("nobody")) {
            headers.put("Authorization", Http.demo(caller));
        }
        // never a real year: a body that happens to be valid must not move the targets other tests read
        Map<String, String> variables = Map.of("id", fixture.chenguiProject, "year", Hostile.pick(random,
                List.of("2099", "2101", "1e400", "-1", "99999999999", "abc", "%00")), "township", Hostile.pick(random,
                List.of("gaoxin", "chengui", "nowhere", "%00", "%27")));
        String path = Hostile.fill(endpoint.pattern(), variables, Hostile.pick(random, Hostile.PATH_VALUES));
        return new Attempt(endpoint, endpoint.method(), path, headers, body, false, caller, breakers, false);
    }

    /** A new project of 高新区 signed 2024-05-20 (and started 2024-06-01 when asked), for a valid try. */
    private String freshProject(boolean started) {
        Http.Answer signed = Http.postJson(fixture.luodi.commandUrl() + "/api/projects", Http.demo("gaoxin"), """
                {"name":"有效尝试","investor":"某公司","township":"gaoxin","industryChain":"new-materials",
                 "industrial":true,"contractAmountWan":35000,"sourceRegion":"OUT_OF_PROVINCE","signedOn":"2024-05-20"}""");
        Fixture.expect(signed, 201);
        try {
            String id = JSON.readTree(signed.body()).get("projectId").asText();
            if (started) {
                Fixture.expect(Http.postJson(fixture.luodi.commandUrl() + "/api/projects/" + id + "/start",
                        Http.demo("gaoxin"), "{\"startedOn\":\"2024-06-01\",\"kind\":\"RESUMED\"}"), 200);
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- queries

    @TestFactory
    Stream<DynamicTest> queriesSurviveHostileParametersAndLeakNothing() {
        return cases("queriesSurviveHostileParametersAndLeakNothing", QUERY_CASES, (random, i) -> queryAttempt(random),
                HostileInputTest::checkQuery);
    }

    private static void checkQuery(Attempt attempt, Verdicts verdicts) {
        long before = fixture.storedEvents();
        Http.Answer answer = send(attempt);
        String where = attempt.offPattern() ? attempt.endpoint().side() + " GET " + attempt.path().split("\\?")[0]
                : attempt.endpoint().toString();
        verdicts.answer(where, attempt.toString(), answer);
        if (fixture.storedEvents() != before) {
            verdicts.violation("a query WROTE events on " + where, attempt + " -> " + answer);
        }
        boolean api = attempt.path().startsWith("/api/");
        if (attempt.caller().equals("nobody") && api && answer.status() != 401 && answer.status() != 400) {
            verdicts.violation("anonymous not refused with 401 on " + where, attempt + " -> " + answer);
        }
        if (attempt.caller().equals("gaoxin") && answer.status() / 100 == 2 && !answer.isStream()) {
            String text = Leaks.readable(answer);
            if (text.contains(fixture.chenguiProject) || text.contains(fixture.chenguiMarker)) {
                verdicts.violation("陈贵镇's project shown to the clerk of 高新区 on " + where, attempt + " -> " + answer);
            }
        }
    }

    /** Callers by weight: mostly users who may read, some nobody, a few with a wrong password. */
    private static final List<String> QUERY_CALLERS = weighted(Map.of("supervisor", 6, "gaoxin", 6, "admin", 2,
            "chengui", 1, "nobody", 3, "wrong password", 1));

    private static List<String> weighted(Map<String, Integer> weights) {
        List<String> list = new ArrayList<>();
        weights.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> list.addAll(Collections.nCopies(e.getValue(), e.getKey())));
        return List.copyOf(list);
    }

    /** Any read endpoint, a caller by weight, up to four query parameters. */
    private Attempt queryAttempt(Random random) {
        Endpoint endpoint = Hostile.pick(random, readEndpoints);
        String caller = Hostile.pick(random, QUERY_CALLERS);
        return queryAttempt(endpoint, caller, random.nextInt(5), random);
    }

    private Attempt queryAttempt(Endpoint endpoint, String caller, int parameters, Random random) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("id", Hostile.pick(random, List.of(fixture.gaoxinProject, fixture.chenguiProject,
                Hostile.uuid(random).toString(), Hostile.pick(random, Hostile.PATH_VALUES))));
        variables.put("year", Hostile.pick(random, List.of("2024", "2025", "1e400", "-1", "99999999999", "0", "abc")));
        variables.put("township", Hostile.pick(random, List.of("gaoxin", "chengui", "nowhere", "%00", "%27%20OR%201=1")));
        boolean offPattern = random.nextInt(25) == 0;
        String path = offPattern
                ? Hostile.pick(random, List.of("/api/nothing", "/api/projects/x/y/z", "/api/../actuator/env",
                "/api/projects/%2e%2e/%2e%2e/actuator", "/API/projects", "/api/projects/", "/api//projects",
                "/api/projects;x=y", "/error", "/index.html", "/favicon.ico", "/api/projects.json"))
                : Hostile.fill(endpoint.pattern(), variables, Hostile.pick(random, Hostile.PATH_VALUES));
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < parameters; i++) {
            String name = random.nextInt(8) == 0 ? Hostile.pick(random, Hostile.PARAMETER_VALUES)
                    : Hostile.pick(random, Hostile.PARAMETER_NAMES);
            query.append(i == 0 ? "?" : "&").append(name.replace("[", "%5B").replace("]", "%5D"))
                    .append('=').append(Hostile.pick(random, Hostile.PARAMETER_VALUES));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        switch (caller) {
            case "nobody" -> {
                if (random.nextBoolean()) {
                    headers.put("Authorization", Hostile.pick(random, List.of("Basic", "Bearer x.y.z", "Basic ===",
                            "Basic " + java.util.Base64.getEncoder().encodeToString("supervisor:".getBytes()))));
                }
            }
            case "wrong password" -> headers.put("Authorization", Http.basic("supervisor", "Supervisor"));
            default -> headers.put("Authorization", Http.demo(caller));
        }
        if (random.nextInt(4) == 0) {
            headers.put("Accept", Hostile.pick(random, List.of("application/json", "text/html", "application/xml",
                    "*/*", "image/*", "text/event-stream", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "garbage;;q=x")));
        }
        if (random.nextInt(6) == 0) {
            headers.put(Hostile.pick(random, List.of("X-Forwarded-For", "X-Forwarded-Host", "X-HTTP-Method-Override",
                    "Origin", "Referer", "Cookie", "If-None-Match", "Range", "X-Requested-With", "Accept-Language")),
                    Hostile.pick(random, Hostile.ODD_HEADER_VALUES));
        }
        return new Attempt(endpoint, "GET", path + query, headers, null, false, caller, Set.of(), offPattern);
    }

    // ---- malformed HTTP

    record RawAttempt(String side, String description, byte[] request) {
        @Override
        public String toString() {
            return side + " " + description;
        }
    }

    /**
     * Bytes no client library sends: illegal characters in the request target, broken percent-encoding, headers
     * with NUL or raw UTF-8, huge headers, contradicting lengths, broken chunks, unknown versions. An answer, if the
     * server gives one, is a problem+json and never a server error; 501 and 505 are the protocol's own answers to
     * an unknown transfer coding or HTTP version.
     */
    @TestFactory
    Stream<DynamicTest> malformedHttpGetsAProblemNeverACrash() {
        List<RawAttempt> all = rawAttempts();
        // every request on both sides once, in an order of the seed's; the remaining cases pick at random
        List<RawAttempt> order = new ArrayList<>(all);
        Collections.shuffle(order, Seeded.random(SEED, "malformedHttpOrder", 0));
        return cases("malformedHttpGetsAProblemNeverACrash", Math.max(MALFORMED_HTTP_CASES, all.size()),
                (random, i) -> i <= order.size() ? order.get(i - 1) : Hostile.pick(random, all),
                HostileInputTest::checkRaw);
    }

    /**
     * The one request that gets no answer, and must not: an HTTP/2 connection preface to a server that speaks only
     * HTTP/1.1 (no h2c) is not a request it could answer in HTTP/1.1, so Tomcat closes the connection.
     */
    static final String CLOSED_WITHOUT_ANSWER = "line: HTTP/2 preface";

    private static void checkRaw(RawAttempt attempt, Verdicts verdicts) {
        long before = fixture.storedEvents();
        long failuresBefore = unexpectedFailuresLogged();
        REQUESTS.incrementAndGet();
        Http.Answer answer = Http.raw(fixture.url(attempt.side()), attempt.request());
        if (fixture.storedEvents() != before) {
            verdicts.violation("malformed HTTP WROTE events", attempt.toString());
        }
        if (unexpectedFailuresLogged() != failuresBefore) {
            // a client's malformed bytes are the client's fault: logged as an unexpected server failure, they bury
            // the real ones (the 500 branch logs ERROR with a stack trace)
            verdicts.violation("malformed HTTP logged as an unexpected failure (" + attempt.description() + ")",
                    attempt + " -> " + answer);
        }
        if (answer == null && attempt.description().equals(CLOSED_WITHOUT_ANSWER)) {
            return; // exactly what this case expects
        }
        if (answer != null && attempt.description().equals(CLOSED_WITHOUT_ANSWER)) {
            verdicts.violation("an answer where the connection should be closed (" + attempt.description() + ")",
                    attempt + " -> " + answer);
            return;
        }
        if (answer == null) {
            // every other request here is answered by Tomcat (400, 413, 501, 505) or by a problem+json: a connection
            // closed without a word leaves a client waiting and hides what went wrong
            verdicts.violation("connection closed without an answer to malformed HTTP (" + attempt.description() + ")",
                    attempt.toString());
            return;
        }
        String where = "malformed HTTP (" + attempt.description().replaceAll(":.*", "") + ")";
        if (answer.status() < 0) {
            verdicts.violation("an answer that is not HTTP to " + where, attempt + " -> " + answer);
            return;
        }
        if (answer.status() >= 400 && answer.body().length == 0) {
            verdicts.violation("error without a problem body (" + answer.status() + ") to " + where, attempt + " -> " + answer);
            return;
        }
        verdicts.answer(where, attempt.toString(), answer, 501, 505);
    }

    /** How many times the shared sides logged the 500 branch's "unexpected failure" so far. */
    private static long unexpectedFailuresLogged() {
        Path logs = Path.of(System.getProperty("luodi.testOutput", "target/test-output"), "logs");
        long count = 0;
        for (String side : List.of("shared-command-side.log", "shared-query-side.log")) {
            Path log = logs.resolve(side);
            if (Files.exists(log)) {
                try {
                    count += new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
                            .filter(l -> l.contains(" ERROR ") && l.contains("unexpected failure")).count();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return count;
    }

    private static List<RawAttempt> rawAttempts() {
        String auth = "Authorization: " + Http.demo("supervisor") + "\r\n";
        String ok = "GET /api/projects HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + auth;
        List<String[]> requests = List.of(
                new String[]{"target: <script>", "GET /api/projects/<script> HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"target: |", "GET /api/projects/|x HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"target: {}", "GET /api/projects/{x} HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"target: %zz", "GET /api/projects/%zz HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"target: %", "GET /api/projects/% HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"target: raw UTF-8", "GET /api/projects/陈贵 HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"target: %2F", "GET /api/projects/..%2F..%2Factuator HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"target: %5C", "GET /api/projects/..%5C..%5Cactuator HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"target: ..;", "GET /api/projects/..;/..;/actuator/env HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"target: %00", "GET /api/projects/%00 HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"target: %25", "GET /api/projects/%25 HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"target: //", "GET //api//projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"target: absolute", "GET http://localhost/api/projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"target: *", "OPTIONS * HTTP/1.1\r\nHost: l\r\nConnection: close\r\n\r\n"},
                new String[]{"query: %zz", "GET /api/projects?name=%zz HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"query: raw UTF-8", "GET /api/projects?name=陈贵 HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"query: <>", "GET /api/projects?name=<> HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"query: %ED%A0%80", "GET /api/projects?name=%ED%A0%80 HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"query: %00", "GET /api/alerts?township=%00 HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"header: NUL", ok + "X-A: a\u0000b\r\n\r\n"},
                new String[]{"header: name with space", ok + "Bad Name: x\r\n\r\n"},
                new String[]{"header: obs-fold", ok + "X-Fold: a\r\n b\r\n\r\n"},
                new String[]{"header: 20 KB", ok + "X-Big: " + "x".repeat(20_000) + "\r\n\r\n"},
                new String[]{"header: raw UTF-8 credentials", "GET /api/projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\n"
                        + "Authorization: Basic 高新:高新\r\n\r\n"},
                new String[]{"header: raw UTF-8", ok + "X-Name: 陈贵镇\r\n\r\n"},
                new String[]{"header: no colon", ok + "NoColonHere\r\n\r\n"},
                new String[]{"header: Host twice", ok + "Host: other\r\n\r\n"},
                new String[]{"length: -1", "POST /api/projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth
                        + "Content-Type: application/json\r\nContent-Length: -1\r\n\r\n{}"},
                new String[]{"length: abc", "POST /api/projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth
                        + "Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}"},
                new String[]{"length: twice", "POST /api/projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth
                        + "Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{} "},
                new String[]{"length: and chunked", "POST /api/projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth
                        + "Content-Type: application/json\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"},
                new String[]{"chunk: bad size", "POST /api/projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"},
                new String[]{"chunk: huge size", "POST /api/projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n"},
                new String[]{"chunk: over 1 MiB", "POST /api/projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + "100000\r\n{\"name\":\""
                        + "x".repeat(0x100000 - 10) + "\r\n100000\r\n" + "y".repeat(0x100000) + "\r\n0\r\n\r\n"},
                new String[]{"coding: gzip", "POST /api/projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth
                        + "Content-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"},
                new String[]{"line: garbage", "GARBAGE\r\n\r\n"},
                new String[]{"line: method only", "GET\r\n\r\n"},
                new String[]{"line: HTTP/9.9", "GET /api/projects HTTP/9.9\r\nHost: l\r\n\r\n"},
                new String[]{"line: extra token", "GET /api/projects HTTP/1.1 extra\r\nHost: l\r\n\r\n"},
                new String[]{"line: TLS hello", "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003"},
                new String[]{"line: lower-case method", "get /api/projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"line: unknown method", "BREW /api/projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"line: TRACE", "TRACE /api/projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth + "\r\n"},
                new String[]{"line: HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"},
                new String[]{"line: CONNECT", "CONNECT localhost:1 HTTP/1.1\r\nHost: localhost:1\r\nConnection: close\r\n\r\n"},
                new String[]{"line: HTTP/1.0 no host", "GET /api/projects HTTP/1.0\r\n" + auth + "\r\n"});
        List<RawAttempt> attempts = new ArrayList<>();
        for (String side : List.of("command", "query")) {
            for (String[] r : requests) {
                attempts.add(new RawAttempt(side, r[0],
                        r[1].getBytes(r[0].contains("UTF-8") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1)));
            }
        }
        return attempts;
    }

    // ---- sending

    private static Http.Answer send(Attempt attempt) {
        REQUESTS.incrementAndGet();
        String base = attempt.endpoint().side().equals("command") ? fixture.luodi.commandUrl() : fixture.luodi.queryUrl();
        boolean ascii = attempt.headers().values().stream().allMatch(v -> v.chars().allMatch(c -> c < 127));
        if (!ascii) {
            // the JDK client sends every character above ASCII as '?': send the real bytes by hand
            return Raw.send(base, attempt.method(), attempt.path(), attempt.headers(), attempt.body());
        }
        try {
            return Http.send(attempt.method(), base + attempt.path(), attempt.headers(), attempt.body());
        } catch (IllegalArgumentException refusedByTheClient) {
            // the JDK client will not send some header values or URLs; send the same bytes by hand
            return Raw.send(base, attempt.method(), attempt.path(), attempt.headers(), attempt.body());
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Http.Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
