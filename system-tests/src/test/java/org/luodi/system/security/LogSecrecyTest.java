package org.luodi.system.security;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No credential, Authorization header, token or personal number reaches a log (issue item 6). Requests carry
 * secrets made up for this run — the configured accounts' real passwords, wrong passwords, their Basic header
 * values, JWT-shaped bearer tokens, a resident identity number (身份证号) — through successes, refusals, bad input
 * and malformed HTTP on all four running sides; then every side's log file is searched for them.
 */
class LogSecrecyTest {
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
    private static final Pattern AUTHORIZATION_DUMP = Pattern.compile("(?i)authorization[\"']?\\s*[:=]\\s*\\[?\"?(basic|bearer) ");

    @Test
    void noCredentialTokenOrPersonalNumberIsLogged() throws Exception {
        Fixture fixture = Fixture.get();
        AccountsOnlySides accounts = AccountsOnlySides.get();
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String wrongPassword = "Wr0ng-" + run;
        String personalNumber = "42028119900307" + run.chars().filter(Character::isDigit).mapToObj(Character::toString)
                .reduce("", String::concat).concat("0000").substring(0, 4);
        String jwt = "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"" + run + "\",\"role\":\"SUPERVISOR\"}").getBytes(StandardCharsets.UTF_8)).replace("eyJ", "eyJ")
                + ".c2lnbmF0dXJl" + run;

        List<String> secrets = new ArrayList<>(List.of(wrongPassword, personalNumber, jwt,
                Http.basic("supervisor", wrongPassword).substring(6), Http.basic("gaoxin", wrongPassword).substring(6)));
        accounts.passwords.forEach((user, password) -> {
            secrets.add(password);
            secrets.add(accounts.authorization(user).substring(6));
        });
        for (String demo : List.of("supervisor", "admin", "gaoxin", "chengui")) {
            secrets.add(Http.demo(demo).substring(6));
        }

        List<String> sides = List.of(fixture.luodi.commandUrl(), fixture.luodi.queryUrl(),
                accounts.commandSide.url(), accounts.querySide.url());
        List<String> authorizations = new ArrayList<>(List.of(Http.basic("supervisor", wrongPassword),
                Http.basic("gaoxin", wrongPassword), "Bearer " + jwt, Http.demo("gaoxin"), Http.demo("supervisor")));
        accounts.passwords.keySet().forEach(user -> authorizations.add(accounts.authorization(user)));
        String sign = """
                {"name":"身份证%s","investor":"张三 %s","township":"gaoxin","industryChain":"new-materials",
                 "industrial":true,"contractAmountWan":12000,"sourceRegion":"IN_PROVINCE","signedOn":"2099-01-01"}"""
                .formatted(personalNumber, personalNumber);
        int sent = 0;
        for (String side : sides) {
            for (String authorization : authorizations) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Authorization", authorization);
                headers.put("Content-Type", "application/json");
                headers.put("X-Forwarded-For", personalNumber);
                // a refusal for bad input (future date, unknown field), a 404, a bad parameter, a forbidden search
                Http.send("POST", side + "/api/projects", headers, Hostile.bytes(sign));
                Http.send("POST", side + "/api/projects/" + fixture.gaoxinProject + "/funds", headers,
                        Hostile.bytes("{\"arrivedOn\":\"2024-06-01\",\"source\":\"IN_PROVINCE\",\"amountWan\":1,\"note\":\""
                                + personalNumber + "\"}"));
                Http.send("GET", side + "/api/projects/" + personalNumber, headers, null);
                Http.send("GET", side + "/api/projects?name=" + personalNumber + "&asOf=" + personalNumber, headers, null);
                Http.send("GET", side + "/api/audit?actor=" + personalNumber, headers, null);
                Http.send("GET", side + "/api/projects;" + personalNumber, headers, null);
                sent += 6;
            }
            // malformed HTTP that carries credentials: Tomcat refuses it before Spring sees it
            for (String authorization : authorizations) {
                Http.raw(side, ("GET /api/projects/<" + personalNumber + "> HTTP/1.1\r\nHost: l\r\nConnection: close\r\n"
                        + "Authorization: " + authorization + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                Http.raw(side, ("GET /api/projects HTTP/1.1\r\nHost: l\r\nConnection: close\r\nAuthorization: "
                        + authorization + "\r\nX-Bad\u0000: " + personalNumber + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                Http.raw(side, ("GET /api/projects?name=%FF" + personalNumber + "&x=%zz" + personalNumber
                        + " HTTP/1.1\r\nHost: l\r\nConnection: close\r\nAuthorization: " + authorization
                        + "\r\nCookie: SESSION=" + wrongPassword + "; bad cookie=\"" + personalNumber + "\u0001\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                sent += 3;
            }
        }
        assertThat(sent).isGreaterThan(200);

        // The search proves something only if the logs hold what this run made the sides write. Each side wrote its
        // start; then a request of this run, with an admin's credentials on it, makes the query side log a line
        // (a read model rebuilt), and the files are read once that line is there: no fixed sleep.
        Path logs = Path.of(System.getProperty("luodi.testOutput", "target/test-output"), "logs");
        for (var side : List.of(accounts.commandSide, accounts.querySide)) {
            assertThat(logText(side.log())).as("the log of " + side.name()).contains("Started ")
                    .contains("Tomcat started on port " + side.url().substring(side.url().lastIndexOf(':') + 1));
        }
        String rebuilding = "rebuilding read model project-versions from the event store";
        long before = occurrences(logText(accounts.querySide.log()), rebuilding);
        Map<String, String> admin = Map.of("Authorization", accounts.authorization("ops"), "Content-Type",
                "application/json", "X-Forwarded-For", personalNumber);
        Http.Answer rebuilt = Http.send("POST", accounts.querySide.url() + "/api/admin/rebuild/project-versions", admin,
                Hostile.bytes("{}"));
        assertThat(rebuilt.status()).as("rebuild asked by the admin: " + rebuilt).isBetween(200, 299);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (occurrences(logText(accounts.querySide.log()), rebuilding) <= before) {
            assertThat(System.nanoTime()).as("the query side logged \"" + rebuilding + "\" within 15 s")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                String utf8 = Files.readString(file, StandardCharsets.UTF_8);
                for (String secret : secrets) {
                    if (text.contains(secret) || utf8.contains(secret)) {
                        found.add(file.getFileName() + ": " + shown(secret) + " around: " + around(utf8, secret));
                    }
                }
                if (JWT.matcher(utf8).find()) {
                    found.add(file.getFileName() + ": a JWT-shaped string");
                }
                if (AUTHORIZATION_DUMP.matcher(utf8).find()) {
                    found.add(file.getFileName() + ": an Authorization header value");
                }
            }
        }
        assertThat(found).as("secrets in the logs under " + logs).isEmpty();
    }

    private static String shown(String secret) {
        return secret.length() <= 8 ? "****" : secret.substring(0, 4) + "…";
    }

    private static String around(String text, String secret) {
        int at = text.indexOf(secret);
        if (at < 0) {
            return "(not as UTF-8)";
        }
        return text.substring(Math.max(0, at - 120), at).replace('\n', ' ') + "[…]";
    }

    /** A log as text; bytes that are not UTF-8 (a client's raw bytes quoted somewhere) do not stop the reading. */
    private static String logText(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static long occurrences(String text, String line) {
        return text.lines().filter(l -> l.contains(line)).count();
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
