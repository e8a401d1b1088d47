package org.luodi.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tests run against a real PostgreSQL 15 that ships inside a Maven artifact (zonky): one server per test JVM, a
 * fresh database for every Spring context, so that contexts never see each other's events.
 * <p>
 * The server stops last. Spring closes its cached test contexts from a JVM shutdown hook, and shutdown hooks run at
 * the same time: when the server had a hook of its own (zonky's, or ours), it went away while the contexts were
 * still stopping their event processors, which then logged every failed read (about 1,300 lines of stack traces per
 * build, hiding real errors). So there is one hook, and it first closes every context this initializer prepared
 * (a context already being closed by Spring's hook is waited for: close() holds the context's shutdown monitor),
 * then the server.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (ConfigurableApplicationContext context : CONTEXTS) {
                    try {
                        context.close();
                    } catch (RuntimeException ignored) {
                        // a context that fails to close still must not keep the server up
                    }
                }
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String newDatabase() {
        String name = "luodi_test_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        CONTEXTS.add(context);
        TestPropertyValues.of(
                "spring.datasource.url=" + newDatabase(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=",
                "luodi.security.demo-accounts=true"
        ).applyTo(context.getEnvironment());
    }
}
