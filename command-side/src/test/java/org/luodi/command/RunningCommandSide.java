package org.luodi.command;

import org.luodi.platform.testing.EmbeddedPostgresInitializer;
import org.luodi.platform.testing.MutableClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The real command side on a random port and an embedded PostgreSQL, with "today" fixed at {@link #TODAY}. Every
 * test class that needs the running application uses exactly this and nothing more, so that Spring starts one
 * context (one database) for all of them: such tests never assume an empty store, they create their own projects
 * and count what they wrote.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(RunningCommandSide.FixedToday.class)
public @interface RunningCommandSide {
    /** So that a future date and every event's recordedAt are known in advance. */
    LocalDate TODAY = LocalDate.of(2024, 12, 31);

    @TestConfiguration(proxyBeanMethods = false)
    class FixedToday {
        @Bean
        @Primary
        Clock fixedClock() {
            return MutableClock.on(TODAY);
        }
    }
}
