package org.luodi.system.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.Accounts;
import org.luodi.platform.security.SecurityProperties;
import org.luodi.system.security.AccountsOnlySides.Endpoint;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may do what (issue "Nothing lost, nobody let in", item 6), walked over every endpoint that Spring maps on
 * each side when the test runs: nobody gets in without credentials; a clerk sees and touches its own township
 * only, on every read and write path; supervisors and admins never record a milestone in a township's name; the
 * demo accounts exist only when asked for; passwords are kept only as BCrypt hashes.
 */
class AccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Fixture fixture;
    private static List<Endpoint> endpoints;

    @BeforeAll
    static void discover() {
        fixture = Fixture.get();
        endpoints = AccountsOnlySides.get().endpoints().stream().filter(Endpoint::isApi).toList();
        assertThat(endpoints).extracting(Endpoint::pattern)
                .contains("/api/projects", "/api/projects/{id}", "/api/projects/{id}/history", "/api/alerts",
                        "/api/audit", "/api/projects/{id}/start", "/api/projects/{id}/void");
        System.out.println("endpoints walked: " + endpoints);
    }

    // ---- nobody

    @Test
    void everyEndpointRefusesAnonymousCallsWith401Problem() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String url = fixture.url(endpoint.side()) + Hostile.fill(endpoint.pattern(),
                    Map.of("id", fixture.gaoxinProject, "year", "2024", "township", "gaoxin"), "x");
            for (String authorization : new String[]{null, Http.basic("supervisor", "wrong"), "Bearer abc.def.ghi",
                    Http.basic("nobody", "nobody")}) {
                Map<String, String> headers = new LinkedHashMap<>();
                if (authorization != null) {
                    headers.put("Authorization", authorization);
                }
                byte[] body = null;
                if (!endpoint.method().equals("GET")) {
                    headers.put("Content-Type", "application/json");
                    body = Hostile.bytes("{}");
                }
                Http.Answer answer = Http.send(endpoint.method(), url, headers, body);
                if (answer.status() != 401 || !answer.isProblem()) {
                    wrong.add(endpoint + " with " + authorization + " -> " + answer);
                }
            }
        }
        assertThat(wrong).as("answers to calls without valid credentials").isEmpty();
    }

    // ---- clerks

    /**
     * The clerk of 高新区 aims every endpoint at 陈贵镇: its project id in the path, its code in the path and in
     * {@code township=}. Every answer is a refusal (403/404) or leaves 陈贵镇 out; the supervisor's answer to the
     * same request shows where there was something to leave out. Commands are refused and write nothing.
     */
    @Test
    void aClerkIsConfinedToItsTownshipOnEveryPath() {
        Walk walk = walk("gaoxin", "陈贵镇", AccessTest::mentionsChengui);
        // the positive controls: what the walk could have leaked, the supervisor does see
        assertThat(walk.report).anyMatch(r -> r.contains("GET /api/alerts") && r.contains("filtered"));
        assertThat(walk.report).anyMatch(r -> r.contains("GET /api/projects?") && r.contains("filtered")
                || r.contains("GET /api/projects: filtered"));
        assertThat(walk.report).anyMatch(r -> r.contains("GET /api/projects/{id}/history") && r.contains("refused 403"));
        assertThat(walk.report).anyMatch(r -> r.contains("GET /api/projects/{id}:") && r.contains("refused 403")
                || r.contains("GET /api/projects/{id}?") && r.contains("refused 403"));
        assertThat(walk.report).anyMatch(r -> r.contains("GET /api/leads/negotiating:") && r.contains("filtered"));
        theVictimsOwnLeadAndFileAreRefused(walk, "gaoxin");
    }

    /** 陈贵镇's lead and contract were there to leak: its clerk and the supervisor read them, the intruder is refused. */
    private static void theVictimsOwnLeadAndFileAreRefused(Walk walk, String intruder) {
        assertThat(walk.report).anyMatch(r -> r.contains("GET /api/leads/{id}:") && r.contains("refused"));
        assertThat(walk.report).anyMatch(r -> r.contains("GET /api/evidence/{id}:") && r.contains("refused"));
        String query = fixture.luodi.queryUrl();
        for (String path : List.of("/api/leads/" + fixture.chenguiLead, "/api/evidence/" + fixture.chenguiEvidence,
                "/api/projects/" + fixture.chenguiProject + "/evidence")) {
            assertThat(Http.get(query + path, Http.demo("chengui")).status()).as("陈贵镇's clerk reads " + path)
                    .isEqualTo(200);
            assertThat(Http.get(query + path, Http.demo("supervisor")).status()).isEqualTo(200);
            assertThat(Http.get(query + path, Http.demo(intruder)).status()).as(intruder + " reads " + path)
                    .isIn(403, 404);
        }
        assertThat(Http.get(query + "/api/leads/" + fixture.chenguiLead, Http.demo("chengui")).text())
                .contains(fixture.chenguiMarker);
    }

    /**
     * The account of the department credited with 高新区's project walks the same paths, aimed at 陈贵镇's project
     * (credited to another department) and that department's row: it sees none of it, nor any township's row or
     * project, and writes nothing; its own project and row it does see.
     */
    @Test
    void aDepartmentSeesOnlyWhatIsCreditedToItOnEveryPath() {
        Walk walk = walk(Fixture.GAOXIN_DEPARTMENT, "the other department",
                answer -> mentionsChengui(answer) || mentionsOtherDepartment(answer));
        assertThat(walk.report).anyMatch(r -> r.contains("GET /api/projects?name=") && r.contains("filtered"));
        assertThat(walk.report).anyMatch(r -> r.contains("GET /api/projects/{id}:") && r.contains("refused 403"));
        assertThat(walk.report).anyMatch(r -> r.contains("GET /api/projects/{id}/history:") && r.contains("refused 403"));
        assertThat(walk.report).anyMatch(r -> r.contains("GET /api/bulletin?") && r.contains("filtered"));
        assertThat(walk.report).anyMatch(r -> r.contains("GET /api/alerts:") && r.contains("refused 403"));
        theVictimsOwnLeadAndFileAreRefused(walk, Fixture.GAOXIN_DEPARTMENT);
        // what is its own
        String own = Http.demo(Fixture.GAOXIN_DEPARTMENT);
        String query = fixture.luodi.queryUrl();
        assertThat(Http.get(query + "/api/projects", own).text()).contains(fixture.gaoxinProject);
        assertThat(Http.get(query + "/api/projects/" + fixture.gaoxinProject, own).status()).isEqualTo(200);
        assertThat(Http.get(query + "/api/projects/" + fixture.gaoxinProject + "/history", own).status()).isEqualTo(200);
        assertThat(Http.get(query + "/api/stats?year=2024&groupBy=department", own).text())
                .contains("\"department\":\"" + Fixture.GAOXIN_DEPARTMENT + "\"");
        assertThat(Http.get(query + "/api/me", own).text()).contains("\"role\":\"DEPARTMENT\"");
    }

    /** What one walk over every endpoint found. */
    private record Walk(List<String> report) {
    }

    /**
     * {@code intruder} aims every endpoint at 陈贵镇: its project id in the path, its code in the path and in
     * {@code township=}. Every answer is a refusal (403/404) or leaves out what {@code victimsData} finds; the
     * supervisor's answer to the same request shows where there was something to leave out. Commands are refused
     * and write nothing.
     */
    private static Walk walk(String intruder, String victim, java.util.function.Predicate<Http.Answer> victimsData) {
        List<String> leaks = new ArrayList<>();
        List<String> report = new ArrayList<>();
        List<String> serverErrors = new ArrayList<>();
        Map<String, String> chengui = Map.of("id", fixture.chenguiProject, "year", "2024", "township", "chengui");
        // writes first: their supervisor controls leave 陈贵镇 something (targets of 2099) for the reads to hide
        List<Endpoint> writesFirst = endpoints.stream()
                .sorted(java.util.Comparator.comparing(e -> e.method().equals("GET"))).toList();
        // a ticket's paths name 陈贵镇's ticket (handed to 陈贵镇's department), a lead's 陈贵镇's lead
        Map<String, String> chenguiTicket = Map.of("id", fixture.chenguiTicket);
        Map<String, String> chenguiLead = Map.of("id", fixture.chenguiLead, "projectId", fixture.chenguiProject);
        Map<String, String> chenguiEvidence = Map.of("id", fixture.chenguiEvidence);
        for (Endpoint endpoint : writesFirst) {
            String pattern = endpoint.pattern();
            String path = Hostile.fill(pattern, pattern.startsWith("/api/tickets/") ? chenguiTicket
                    : pattern.startsWith("/api/leads/") ? chenguiLead
                    : pattern.startsWith("/api/evidence/") ? chenguiEvidence : chengui, "chengui");
            if (endpoint.pattern().equals("/api/ledger/template.xlsx")) {
                // one file for everybody: no project in it, every township's name among the choices of its column
                report.add(endpoint + ": the same template for everyone");
            } else if (endpoint.method().equals("GET")) {
                for (String query : List.of("", "?township=chengui", "?year=2024&month=6&asOf=2024-12-31",
                        "?year=2024&month=6&asOf=2024-12-31&township=chengui&groupBy=township",
                        "?year=2024&asOf=2024-12-31&groupBy=department", "?year=2099",
                        // the project by its name: on the shared instance other tests' newer signings push it off
                        // the list's first page, where the walk would not see it filtered
                        "?name=" + java.net.URLEncoder.encode(fixture.chenguiMarker, java.nio.charset.StandardCharsets.UTF_8))) {
                    String url = fixture.url(endpoint.side()) + path + query;
                    Http.Answer intruders = read(url, Http.demo(intruder));
                    Http.Answer supervisor = read(url, Http.demo("supervisor"));
                    String outcome;
                    if (intruders.status() == 403 || intruders.status() == 404) {
                        outcome = "refused " + intruders.status();
                    } else if (intruders.status() / 100 == 2) {
                        if (victimsData.test(intruders)) {
                            leaks.add(intruder + " sees " + victim + " on " + endpoint + query + " -> " + intruders);
                        }
                        outcome = victimsData.test(supervisor) ? "filtered (the supervisor sees " + victim + ")"
                                : "nothing of " + victim + " for anyone";
                    } else {
                        outcome = "answered " + intruders.status();
                    }
                    if (intruders.status() >= 500 || supervisor.status() >= 500) {
                        // a server error is no confinement: it hides whether the read would have leaked
                        serverErrors.add(endpoint + query + ": " + intruder + " -> " + intruders + "; supervisor -> " + supervisor);
                    }
                    report.add(endpoint + query + ": " + outcome);
                }
            } else if (endpoint.method().equals("POST") && endpoint.pattern().equals("/api/leads")
                    && intruder.equals(Fixture.GAOXIN_DEPARTMENT)) {
                // a department reports leads for wherever they would settle: the lead is the department's own,
                // credited to it, and 陈贵镇 gains a lead to see, never loses or changes one (LeadTest holds who may)
                report.add(endpoint + ": a department's report is its own lead");
            } else if (endpoint.pattern().equals("/api/ledger/import")) {
                // a workbook, not a JSON body, and confined per row (a row of another township is an error of that
                // row, 400, nothing written): held by command-side LedgerImportTest, whose clerk imports 陈贵镇's row
                report.add(endpoint + ": confined per row, see LedgerImportTest");
            } else {
                long before = fixture.storedEvents();
                Http.Answer answer = write(endpoint, path, intruder, validBodyAsChengui(endpoint));
                long written = fixture.storedEvents() - before;
                if (answer.status() != 403 || written != 0) {
                    leaks.add(intruder + " wrote to 陈贵镇 through " + endpoint + " -> " + answer + ", " + written + " events");
                }
                report.add(endpoint + ": refused " + answer.status());
                if (Hostile.template(endpoint.method(), endpoint.pattern()) == null) {
                    // the control: whoever may use it gets past authorization with the same body (on a year nobody
                    // else reads, a read model that does not exist: nothing the other tests see is changed)
                    String control = Hostile.fill(endpoint.pattern(), Map.of("id", fixture.chenguiProject, "year", "2099",
                            "township", "chengui"), "no-such-thing");
                    String caller = Hostile.allowedCaller(endpoint.pattern());
                    Http.Answer allowed = write(endpoint, control, caller, validBodyAsChengui(endpoint));
                    assertThat(allowed.status()).as(caller + " " + endpoint + " -> " + allowed)
                            .isNotIn(401, 403).isLessThan(500);
                }
            }
        }
        report.forEach(System.out::println);
        assertThat(leaks).as(victim + "'s data reached, or was changed by, " + intruder).isEmpty();
        assertThat(serverErrors).as("reads answered with a server error").isEmpty();
        return new Walk(report);
    }

    /**
     * The pushed alerts (server-sent events) replayed from the first announcement: 陈贵镇's overdue project reaches
     * its own clerk and the supervisors, never the clerk of 高新区, who may not ask for 陈贵镇's stream either.
     */
    @Test
    void theAlertStreamCarriesOnlyTheClerksOwnTownship() throws Exception {
        assumeStream();
        String url = fixture.luodi.queryUrl() + "/api/alerts/stream?lastEventId=0";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        String supervisor = "";
        while (!supervisor.contains(fixture.chenguiProject) && System.nanoTime() < deadline) {
            supervisor = Http.stream(url, Http.demo("supervisor"), java.time.Duration.ofSeconds(2));
        }
        assertThat(supervisor).as("the supervisor's replay").contains(fixture.chenguiProject);
        assertThat(Http.stream(url, Http.demo("chengui"), java.time.Duration.ofSeconds(2))).contains(fixture.chenguiProject);
        String gaoxin = Http.stream(url, Http.demo("gaoxin"), java.time.Duration.ofSeconds(2));
        assertThat(gaoxin).as("the stream of 高新区's clerk").startsWith(":connected").doesNotContain(fixture.chenguiProject)
                .doesNotContain(fixture.chenguiMarker).doesNotContain("\"chengui\"");
        assertThat(Http.get(url + "&township=chengui", Http.demo("gaoxin")).status()).isEqualTo(403);
        assertThat(Http.get(url, null).status()).isEqualTo(401);
    }

    private static void assumeStream() {
        org.junit.jupiter.api.Assumptions.assumeTrue(endpoints.stream()
                .anyMatch(e -> e.pattern().equals("/api/alerts/stream")), "no alert stream on this build");
    }

    @Test
    void theOverdueAlertOfChenguiReachesItsClerkAndSupervisorsButNotGaoxin() {
        String url = fixture.luodi.queryUrl() + "/api/alerts?asOf=2024-12-31";
        assertThat(Http.get(url, Http.demo("chengui")).text()).contains(fixture.chenguiProject);
        assertThat(Http.get(url, Http.demo("supervisor")).text()).contains(fixture.chenguiProject);
        assertThat(Http.get(url, Http.demo("gaoxin")).text()).doesNotContain(fixture.chenguiProject);
        assertThat(Http.get(url + "&township=chengui", Http.demo("gaoxin")).status()).isEqualTo(403);
    }

    // ---- supervisors and admins

    /** SPEC §1: milestones are the township's own record; a supervisor corrects or voids, never records. */
    @Test
    void supervisorsAndAdminsCannotRecordMilestonesInATownshipsName() {
        String project = signFresh();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("", "{\"name\":\"督查代录\",\"investor\":\"某公司\",\"township\":\"gaoxin\",\"industryChain\":\"new-materials\","
                + "\"industrial\":true,\"contractAmountWan\":20000,\"sourceRegion\":\"IN_PROVINCE\",\"signedOn\":\"2024-05-20\"}");
        bodies.put("/registration", "{\"registeredOn\":\"2024-06-01\",\"companyName\":\"大冶某公司\",\"creditCode\":\""
                + Hostile.VALID_CREDIT_CODE + "\",\"foreignInvested\":false}");
        bodies.put("/start", "{\"startedOn\":\"2024-06-01\",\"kind\":\"NEW\"}");
        bodies.put("/storage", "{\"storedOn\":\"2024-07-01\",\"plannedInvestmentWan\":30000}");
        bodies.put("/production", "{\"productionOn\":\"2024-08-01\"}");
        bodies.put("/funds", "{\"arrivedOn\":\"2024-06-15\",\"source\":\"OUT_OF_PROVINCE\",\"amountWan\":500}");
        bodies.put("/termination", "{\"terminatedOn\":\"2024-09-01\",\"reason\":\"督查代为解约\"}");
        for (String caller : List.of("supervisor", "admin", Fixture.GAOXIN_DEPARTMENT, "leader10")) {
            bodies.forEach((suffix, body) -> {
                String url = fixture.luodi.commandUrl() + "/api/projects" + (suffix.isEmpty() ? "" : "/" + project + suffix);
                long before = fixture.storedEvents();
                Http.Answer answer = Http.postJson(url, Http.demo(caller), body);
                assertThat(answer.status()).as(caller + " POST " + suffix + " -> " + answer).isEqualTo(403);
                assertThat(answer.isProblem()).isTrue();
                assertThat(fixture.storedEvents()).as("nothing written by " + caller).isEqualTo(before);
            });
        }
        // the same bodies are valid for the township's own clerk (termination last: nothing may follow it)
        for (String suffix : List.of("", "/registration", "/start", "/storage", "/funds")) {
            String url = fixture.luodi.commandUrl() + "/api/projects" + (suffix.isEmpty() ? "" : "/" + project + suffix);
            assertThat(Http.postJson(url, Http.demo("gaoxin"), bodies.get(suffix)).status() / 100)
                    .as("the clerk's own " + suffix).isEqualTo(2);
        }
        String other = signFresh();
        assertThat(Http.postJson(fixture.luodi.commandUrl() + "/api/projects/" + other + "/termination",
                Http.demo("gaoxin"), bodies.get("/termination")).status()).isEqualTo(200);
    }

    // ---- accounts

    @Test
    void demoAccountsExistOnlyWhenAskedFor() throws IOException {
        AccountsOnlySides sides = AccountsOnlySides.get();
        for (String url : List.of(sides.commandSide.url(), sides.querySide.url())) {
            for (String demo : List.of("supervisor", "admin", "gaoxin", "chengui", "dept07")) {
                assertThat(Http.get(url + "/api/projects", Http.demo(demo)).status())
                        .as(demo + "/" + demo + " on a side started without LUODI_SECURITY_DEMO_ACCOUNTS").isEqualTo(401);
            }
        }
        assertThat(Http.postJson(sides.commandSide.url() + "/api/projects", Http.demo("gaoxin"), "{}").status())
                .isEqualTo(401);
        // the configured accounts do work there
        assertThat(Http.get(sides.querySide.url() + "/api/projects", sides.authorization("duchashi")).status())
                .isEqualTo(200);
        assertThat(Http.get(sides.querySide.url() + "/api/me", sides.authorization("shangwu-wang")).text())
                .contains("\"department\":\"dept38\"").contains("\"role\":\"DEPARTMENT\"");
        assertThat(Http.get(sides.querySide.url() + "/api/alerts", sides.authorization("shangwu-wang")).status())
                .isEqualTo(403);
        assertThat(Http.postJson(sides.commandSide.url() + "/api/projects", sides.authorization("gaoxin-li"), """
                {"name":"配置账号签约","investor":"某公司","township":"gaoxin","industryChain":"new-materials",
                 "industrial":true,"contractAmountWan":12000,"sourceRegion":"IN_PROVINCE","signedOn":"2024-05-20"}""")
                .status()).isEqualTo(201);
        // and the shipped default, which every side reads, keeps them off
        try (InputStream defaults = SecurityProperties.class.getClassLoader().getResourceAsStream("luodi-platform.yml")) {
            String yaml = new String(defaults.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(yaml).containsPattern("security:\\s*\\n\\s*mode: basic\\s*\\n\\s*demo-accounts: false");
        }
    }

    @Test
    void passwordsAreKeptOnlyAsBCryptHashes() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        Accounts demo = new Accounts(new SecurityProperties("basic", true, List.of(), null), ReferenceData.daye(), bcrypt);
        List<String> usernames = new ArrayList<>(List.of("supervisor", "admin"));
        ReferenceData.daye().townships().forEach(t -> usernames.add(t.code()));
        ReferenceData.daye().departments().forEach(d -> usernames.add(d.code()));
        for (String username : usernames) {
            UserDetails user = demo.loadUserByUsername(username);
            assertThat(user.getPassword()).as(username).matches("^\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}$")
                    .doesNotContain(username);
            assertThat(bcrypt.matches(username, user.getPassword())).isTrue();
        }
        // a configured account gives a hash; a plain password in its place is refused when the side starts
        String hash = bcrypt.encode("correct horse battery staple");
        Accounts configured = new Accounts(new SecurityProperties("basic", false, List.of(
                new SecurityProperties.Account("ops", hash, org.luodi.platform.security.Role.ADMIN, null, null, null)), null),
                ReferenceData.daye(), bcrypt);
        assertThat(configured.loadUserByUsername("ops").getPassword()).isEqualTo(hash);
        assertThatThrownBy(() -> new Accounts(new SecurityProperties("basic", false, List.of(
                new SecurityProperties.Account("ops", "correct horse battery staple",
                        org.luodi.platform.security.Role.ADMIN, null, null, null)), null), ReferenceData.daye(), bcrypt))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BCrypt")
                .hasMessageNotContaining("correct horse");
    }

    // ---- helpers

    private static Http.Answer read(String url, String authorization) {
        return Http.get(url, authorization);
    }

    /**
     * 陈贵镇's data: its project (id, or the marker in its name), a JSON row of township "chengui", or in a
     * workbook a row named 陈贵镇. The list of townships itself (reference data: codes and names) is not 陈贵镇's data,
     * nor is the bulletin's published ranking (township, name and rank only, which every unit is shown).
     */
    private static boolean mentionsChengui(Http.Answer answer) {
        if (answer.status() / 100 != 2) {
            return false;
        }
        String text = PUBLISHED_RANKING.matcher(Leaks.readable(answer)).replaceAll("");
        boolean workbook = answer.body().length > 1 && answer.body()[0] == 'P' && answer.body()[1] == 'K';
        return text.contains(fixture.chenguiProject) || text.contains(fixture.chenguiMarker)
                || CHENGUI_ROW.matcher(text).find() || workbook && text.contains("陈贵镇");
    }

    /** The other department's row (stats, bulletin, targets) or its name in a workbook. */
    private static boolean mentionsOtherDepartment(Http.Answer answer) {
        if (answer.status() / 100 != 2) {
            return false;
        }
        String text = Leaks.readable(answer);
        boolean workbook = answer.body().length > 1 && answer.body()[0] == 'P' && answer.body()[1] == 'K';
        return text.matches("(?s).*\"department\"\\s*:\\s*\"" + Fixture.CHENGUI_DEPARTMENT + "\".*")
                || workbook && text.contains(org.luodi.events.Departments.nameOf(Fixture.CHENGUI_DEPARTMENT));
    }

    private static final java.util.regex.Pattern PUBLISHED_RANKING =
            java.util.regex.Pattern.compile("\"ranking\"\\s*:\\s*\\[[^\\]]*\\]");
    private static final java.util.regex.Pattern CHENGUI_ROW =
            java.util.regex.Pattern.compile("\"(township|projectTownship|unit)\"\\s*:\\s*\"chengui\"");

    private static Http.Answer write(Endpoint endpoint, String path, String caller, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", Http.demo(caller));
        if (isUpload(endpoint)) {
            headers.put("Content-Type", "multipart/form-data; boundary=" + Fixture.CONTRACT_BOUNDARY);
            return Http.send(endpoint.method(), fixture.url(endpoint.side()) + path, headers,
                    Fixture.contractUpload()); // a ticket takes the contract too, its milestone field unread
        }
        headers.put("Content-Type", "application/json");
        return Http.send(endpoint.method(), fixture.url(endpoint.side()) + path, headers, Hostile.bytes(body));
    }

    private static boolean isUpload(Endpoint endpoint) {
        return endpoint.method().equals("POST") && endpoint.pattern().endsWith("/evidence");
    }


    /** A body valid for the endpoint were the caller 陈贵镇's clerk (or a supervisor), so only the township is wrong. */
    private static String validBodyAsChengui(Endpoint endpoint) {
        Hostile.Template template = Hostile.template(endpoint.method(), endpoint.pattern());
        if (isUpload(endpoint)) {
            return null; // a multipart form, see evidenceUpload
        }
        if (endpoint.method().equals("POST") && endpoint.pattern().equals("/api/tickets")) {
            return "{\"projectId\":\"" + fixture.chenguiProject + "\",\"category\":\"LAND\",\"description\":\"越权提交\"}";
        }
        if (template == null) {
            String known = Hostile.OTHER_VALID_BODIES.get(endpoint.method() + " " + endpoint.pattern());
            assertThat(known).as("a valid body for " + endpoint + " (add it to Hostile.OTHER_VALID_BODIES)").isNotNull();
            return known.replace("{lead}", fixture.chenguiLead);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        template.fields().stream().filter(f -> f.valid() != null && f.required()).forEach(f -> fields.put(f.name(), f.valid()));
        if (fields.containsKey("township")) {
            fields.put("township", "\"chengui\"");
        }
        return Hostile.objectJson(fields);
    }

    private static String signFresh() {
        Http.Answer answer = Http.postJson(fixture.luodi.commandUrl() + "/api/projects", Http.demo("gaoxin"), """
                {"name":"权限测试项目","investor":"某公司","township":"gaoxin","industryChain":"new-materials",
                 "industrial":true,"contractAmountWan":20000,"sourceRegion":"IN_PROVINCE","signedOn":"2024-05-20"}""");
        Fixture.expect(answer, 201);
        try {
            return JSON.readTree(answer.body()).get("projectId").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
