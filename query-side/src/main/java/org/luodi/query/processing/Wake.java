package org.luodi.query.processing;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.Locale;

/**
 * How the pooled processors learn that the command side (another process) appended events:
 * {@code luodi.processing.wake}.
 * <ul>
 *   <li>{@code timer}: the embedded event store reads PostgreSQL every {@code luodi.processing.fetch-delay-ms}
 *       (50 ms) and {@link WakingEventSource} wakes every coordinator every {@code luodi.processing.wake-interval-ms}
 *       (10 ms) to look at what it read;</li>
 *   <li>{@code notify}: PostgreSQL says when the store grew (V4's trigger, channel {@value EventArrivalListener#CHANNEL});
 *       {@link EventArrivalListener} then has the store read at once ({@link PromptEventStore}), but not more often than
 *       every {@code fetch-delay-ms}, and each event it reads wakes the coordinators
 *       ({@link FetchSignallingStorageEngine}). As a safety net against a lost notification,
 *       and while the listener is reconnecting, the store still reads and the coordinators are still woken every
 *       {@code luodi.processing.notify-fallback-ms} (1 s).</li>
 * </ul>
 * With {@code luodi.processing.axon-defaults=true} (the bench's baseline) neither applies: Axon's tracking processors
 * poll on their own, and no listener runs.
 */
enum Wake {
    TIMER, NOTIFY;

    static final String PROPERTY = "luodi.processing.wake";
    static final String DEFAULT = "timer";

    static Wake configured(Environment environment) {
        if (environment.getProperty("luodi.processing.axon-defaults", Boolean.class, false)) {
            return TIMER;
        }
        String value = environment.getProperty(PROPERTY, DEFAULT).strip();
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " is '" + value + "'; it must be timer or notify", e);
        }
    }

    /** Beans that exist only when processors are woken by notifications. */
    static final class ByNotification implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context.getEnvironment()) == NOTIFY;
        }
    }
}
