package org.luodi.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One side of Luodi (command or query) running from its executable jar as a child process. */
public final class SideProcess implements AutoCloseable {
    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private SideProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** The executable jar a module's build leaves: {@code root/module/target/module-exec.jar}. */
    public static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target").resolve(module + "-exec.jar");
    }

    /**
     * The environment of a side on a local database ({@code jdbcUrl}) as its superuser {@code postgres} without a
     * password, with the demo accounts: how {@code ./luodi} runs by default and how the system tests and the bench
     * run. A new map, for the caller to add to.
     */
    public static Map<String, String> environment(String jdbcUrl) {
        return new HashMap<>(Map.of(
                "DATABASE_URL", jdbcUrl,
                "DATABASE_USER", "postgres",
                "DATABASE_PASSWORD", "",
                "LUODI_SECURITY_DEMO_ACCOUNTS", "true"));
    }

    /** A port nobody listens on at the moment, on loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts {@code jar} listening on {@code port}; its output goes to {@code logDirectory/name.log}. */
    public static SideProcess start(String name, Path jar, int port, Map<String, String> environment,
                                    Path logDirectory, String... jvmOptions) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build first (mvn -DskipTests package)");
        }
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-Daxoniq.update-checker.disabled=true");
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return new SideProcess(name, port, builder.start(), log);
    }

    /** Waits until the side answers its health check; fails if the process dies first. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout + "; see " + log);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public Process process() {
        return process;
    }

    /** Like a power cut: no shutdown hooks, no graceful close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }
}
