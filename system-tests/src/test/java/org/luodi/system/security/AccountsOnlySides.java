package org.luodi.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.luodi.launcher.SideProcess;
import org.luodi.system.RunningLuodi;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A second pair of sides, started as a real deployment is: without {@code LUODI_SECURITY_DEMO_ACCOUNTS}, with
 * configured accounts whose passwords are given only as BCrypt hashes (random passwords, made up per run), on a
 * database of their own in the shared PostgreSQL. They also expose Spring's request mappings (actuator
 * {@code mappings}, admin only) so that the tests walk every endpoint that exists, not a list that ages.
 */
final class AccountsOnlySides {
    private static AccountsOnlySides started;

    final SideProcess commandSide;
    final SideProcess querySide;
    /** username → plain password, known only to this test JVM; the sides get BCrypt hashes. */
    final Map<String, String> passwords;

    private AccountsOnlySides(SideProcess commandSide, SideProcess querySide, Map<String, String> passwords) {
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.passwords = passwords;
    }

    static synchronized AccountsOnlySides get() {
        if (started == null) {
            started = start();
            // stopped by the shared Luodi's hook, before the database they use (a hook of their own raced it)
            AccountsOnlySides sides = started;
            RunningLuodi.shared().closeBefore(() -> {
                sides.querySide.close();
                sides.commandSide.close();
            });
        }
        return started;
    }

    String authorization(String username) {
        return Http.basic(username, passwords.get(username));
    }

    private static AccountsOnlySides start() {
        RunningLuodi shared = RunningLuodi.shared();
        try {
            String url;
            try (Connection c = shared.sql(); Statement s = c.createStatement()) {
                url = c.getMetaData().getURL();
                s.execute("CREATE DATABASE luodi_accounts_only");
            }
            String jdbcUrl = url.substring(0, url.lastIndexOf('/') + 1) + "luodi_accounts_only";

            SecureRandom random = new SecureRandom();
            Map<String, String> passwords = new HashMap<>();
            Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", jdbcUrl, "DATABASE_USER", "postgres",
                    "DATABASE_PASSWORD", "", "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,mappings"));
            if (System.getenv("LUODI_SECURITY_DEMO_ACCOUNTS") != null) {
                env.put("LUODI_SECURITY_DEMO_ACCOUNTS", "false"); // this JVM's own environment must not leak in
            }
            BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
            String[][] accounts = {{"ops", "ADMIN", ""}, {"duchashi", "SUPERVISOR", ""}, {"gaoxin-li", "CLERK", "gaoxin"},
                    {"shangwu-wang", "DEPARTMENT", "dept38"}};
            for (int i = 0; i < accounts.length; i++) {
                String password = "pw-" + HexFormat.of().formatHex(random.generateSeed(12));
                passwords.put(accounts[i][0], password);
                env.put("LUODI_SECURITY_USERS_" + i + "_USERNAME", accounts[i][0]);
                env.put("LUODI_SECURITY_USERS_" + i + "_PASSWORDHASH", bcrypt.encode(password));
                env.put("LUODI_SECURITY_USERS_" + i + "_ROLE", accounts[i][1]);
                if (!accounts[i][2].isEmpty()) {
                    env.put("LUODI_SECURITY_USERS_" + i + (accounts[i][1].equals("DEPARTMENT") ? "_DEPARTMENT"
                            : "_TOWNSHIP"), accounts[i][2]);
                }
            }
            Path logs = Path.of(System.getProperty("luodi.testOutput", "target/test-output"), "logs");
            SideProcess command = SideProcess.start("accounts-only-command-side",
                    Path.of(System.getProperty("luodi.commandJar")), SideProcess.freePort(), env, logs, "-Xmx256m");
            Map<String, String> queryEnv = new HashMap<>(env);
            queryEnv.put("LUODI_COMMAND_SIDE_URL", command.url());
            SideProcess query = SideProcess.start("accounts-only-query-side",
                    Path.of(System.getProperty("luodi.queryJar")), SideProcess.freePort(), queryEnv, logs, "-Xmx256m");
            try {
                // generous, as RunningLuodi's: two shared cores can make a side take minutes to start
                command.awaitHealthy(Duration.ofMinutes(4));
                query.awaitHealthy(Duration.ofMinutes(4));
            } catch (RuntimeException | InterruptedException e) {
                query.close(); // not left running as orphans of a failed start
                command.close();
                throw e;
            }
            return new AccountsOnlySides(command, query, Map.copyOf(passwords));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A pattern with an {@code {action}} variable (the query side forwards every command through one mapping) stands
     * for each command SPEC §7 names, so that each is tested with its own valid body.
     */
    private static List<String> concrete(String pattern) {
        if (!pattern.contains("{action}")) {
            return List.of(pattern);
        }
        if (pattern.startsWith("/api/tickets/")) {
            return OtherWrites.TICKET_ACTIONS.stream().map(action -> pattern.replace("{action}", action)).toList();
        }
        if (pattern.startsWith("/api/leads/")) {
            return OtherWrites.LEAD_ACTIONS.stream().map(action -> pattern.replace("{action}", action)).toList();
        }
        return Hostile.COMMANDS.keySet().stream().filter(suffix -> !suffix.isEmpty())
                .map(suffix -> pattern.replace("/{action}", suffix)).toList();
    }

    /** One handler mapping: an HTTP method and a path pattern such as {@code /api/projects/{id}/start}. */
    record Endpoint(String side, String method, String pattern) {
        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        @Override
        public String toString() {
            return side + " " + method + " " + pattern;
        }
    }

    /** Every request mapping of both sides, as Spring's RequestMappingHandlerMapping holds them. */
    List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>(endpoints("command", commandSide.url()));
        all.addAll(endpoints("query", querySide.url()));
        return all;
    }

    private List<Endpoint> endpoints(String side, String url) {
        Http.Answer answer = Http.get(url + "/actuator/mappings", authorization("ops"));
        if (answer.status() != 200) {
            throw new IllegalStateException("mappings of the " + side + " side: " + answer);
        }
        try {
            JsonNode root = new ObjectMapper().readTree(answer.body());
            Set<Endpoint> found = new LinkedHashSet<>();
            for (JsonNode context : root.path("contexts")) {
                for (JsonNode servlet : context.path("mappings").path("dispatcherServlets")) {
                    for (JsonNode mapping : servlet) {
                        JsonNode conditions = mapping.path("details").path("requestMappingConditions");
                        if (conditions.isMissingNode()) {
                            continue; // resource handlers: static files, no handler method
                        }
                        List<String> methods = new ArrayList<>();
                        conditions.path("methods").forEach(m -> methods.add(m.asText()));
                        if (methods.isEmpty()) {
                            methods.addAll(List.of("GET", "POST")); // mapped for every method
                        }
                        for (JsonNode pattern : conditions.path("patterns")) {
                            if (!pattern.asText().startsWith("/actuator")) {
                                for (String concrete : concrete(pattern.asText())) {
                                    methods.forEach(m -> found.add(new Endpoint(side, m, concrete)));
                                }
                            }
                        }
                    }
                }
            }
            return List.copyOf(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
