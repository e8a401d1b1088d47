package org.luodi.query.processing;


import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * How the read side follows the event store that the command side (another process) writes:
 * <ul>
 *   <li>new events are seen as {@code luodi.processing.wake} says ({@link Wake}): with {@code timer}, the embedded
 *       event store polls PostgreSQL every {@code luodi.processing.fetch-delay-ms} when caught up (Axon's default of
 *       1 s would make every new event wait up to a second), and the processors' coordinators look at what it fetched
 *       every {@code luodi.processing.wake-interval-ms} ({@link WakingEventSource}); with {@code notify}, PostgreSQL's
 *       notification of an append makes the store read at once (but not more often than every
 *       {@code fetch-delay-ms}) and each event read wakes the coordinators ({@link EventArrivalListener}), with a
 *       fallback poll every {@code luodi.processing.notify-fallback-ms};</li>
 *   <li>every processing group is a pooled streaming processor, with its segments claimed through the shared
 *       token store, so that several query-side instances split the stream: each claims at most its fair share
 *       ({@link FairShareOfSegments}), and takes over a dead instance's segments once their claims time out
 *       ({@code axon.eventhandling.tokenstore.claim-timeout}, 10 s by default; a live instance extends its claims
 *       every {@code luodi.processing.claim-extension-threshold-ms} and looks for free segments every
 *       {@code luodi.processing.token-claim-interval-ms});</li>
 *   <li>a worker takes up to {@code luodi.processing.batch-size} events (default 1024, Axon's buffer of a work
 *       package) in one transaction: during a rebuild it then empties its whole queue each time, which keeps the
 *       queue short (Axon's coordinator walks it, a ConcurrentLinkedQueue, to measure it before every event it
 *       hands out); when caught up a batch takes only what is there, so new events wait no longer;</li>
 *   <li>{@code luodi.processing.segments} (2) segments per processor when its tokens are first made, so that two
 *       query-side instances can share the stream; one instance handles them in parallel;</li>
 *   <li>an event that a projection cannot apply is parked, with the error, in the group's dead-letter queue
 *       (dead_letter_entry), one sequence per project: the project's later events wait behind it, every other
 *       project's keep flowing ({@link UnitOfWorkBatch}, {@link ParkingQueue}). Nothing is skipped silently: parked
 *       events are listed for administrators, who retry or evict them ({@link DeadLetterAdmin}), and health reports
 *       them ({@link ReadModelWatch}). A failure of the database itself is not parked; the processor retries.</li>
 * </ul>
 * {@code luodi.processing.axon-defaults=true} runs Axon's out-of-the-box processing instead (tracking processors with
 * batch size 1, a 1 s fetch delay, fetches of 100 events): the baseline that {@code bench/} measures against, never
 * a production setting.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ProcessingConfig {

    @Bean
    FetchSignallingStorageEngine eventStorageEngine(Serializer serializer, Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema schema,
                                                 @Value("${luodi.processing.fetch-batch-size:1000}") int batchSize,
                                                 @Value("${luodi.processing.axon-defaults:false}") boolean axonDefaults) {
        return new FetchSignallingStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema)
                .batchSize(axonDefaults ? 100 : batchSize));
    }

    @Bean
    PromptEventStore eventStore(EventStorageEngine storageEngine, Environment environment,
                                @Value("${luodi.processing.fetch-delay-ms:50}") long fetchDelayMs,
                                @Value("${luodi.processing.notify-fallback-ms:1000}") long fallbackMs,
                                @Value("${luodi.processing.axon-defaults:false}") boolean axonDefaults) {
        long pollMs = axonDefaults ? 1000 : Wake.configured(environment) == Wake.NOTIFY ? fallbackMs : fetchDelayMs;
        return new PromptEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(pollMs)
                .timeUnit(TimeUnit.MILLISECONDS)
                .cachedEvents(10_000));
    }

    @Bean
    WakingEventSource wakingEventSource(PromptEventStore eventStore, FetchSignallingStorageEngine storageEngine,
                                        Environment environment,
                                        @Value("${luodi.processing.wake-interval-ms:10}") long wakeIntervalMs,
                                        @Value("${luodi.processing.notify-fallback-ms:1000}") long fallbackMs) {
        if (Wake.configured(environment) == Wake.TIMER) {
            return new WakingEventSource(eventStore, wakeIntervalMs);
        }
        WakingEventSource source = new WakingEventSource(eventStore, fallbackMs);
        storageEngine.afterEachPolledEvent(source::wakeAll);
        return source;
    }

    /** Its own connection, named so that {@link FairShareOfSegments} does not count it as another instance. */
    @Bean
    @Conditional(Wake.ByNotification.class)
    EventArrivalListener eventArrivalListener(PromptEventStore eventStore, DataSourceProperties database,
                                              @Value("${luodi.processing.fetch-delay-ms:50}") long fetchDelayMs) {
        Properties connection = new Properties();
        connection.setProperty("user", database.determineUsername());
        String password = database.determinePassword();
        if (password != null) {
            connection.setProperty("password", password);
        }
        connection.setProperty("ApplicationName", "luodi-query-listener");
        connection.setProperty("connectTimeout", "5");
        connection.setProperty("tcpKeepAlive", "true");
        String url = database.determineUrl();
        EventArrivalListener listener = new EventArrivalListener(() -> DriverManager.getConnection(url, connection),
                eventStore::readNow, Duration.ofMillis(fetchDelayMs));
        listener.start();
        return listener;
    }

    @Autowired
    public void configureProcessors(EventProcessingConfigurer processing, JdbcTemplate jdbc,
                                    ObjectProvider<WakingEventSource> eventSource, ListableBeanFactory beans,
                                    ObjectProvider<ConnectionProvider> connections,
                                    ObjectProvider<TransactionManager> transactions,
                                    ObjectProvider<DeadLetterSchema> deadLetterSchema,
                                    @Value("${luodi.processing.batch-size:1024}") int batchSize,
                                    @Value("${luodi.processing.segments:2}") int segments,
                                    @Value("${luodi.processing.token-claim-interval-ms:5000}") long claimInterval,
                                    @Value("${luodi.processing.claim-extension-threshold-ms:5000}") long extension,
                                    @Value("${luodi.processing.axon-defaults:false}") boolean axonDefaults,
                                    @Value("${luodi.processing.max-parked-projects:100000}") int maxParkedProjects) {
        if (axonDefaults) {
            processing.usingTrackingEventProcessors();
        } else {
            FairShareOfSegments fairShare = new FairShareOfSegments(jdbc);
            processing.usingPooledStreamingEventProcessors((config, builder) -> builder
                    .messageSource(eventSource.getObject())
                    .batchSize(batchSize)
                    .initialSegmentCount(segments)
                    .tokenClaimInterval(claimInterval)
                    .claimExtensionThreshold(extension)
                    .maxSegmentProvider(fairShare));
        }
        processing.registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
        // per group by name: Axon's Spring Boot module replaces a queue provider with its own (axon.eventhandling.
        // processors.*.dlq.enabled), so the groups are found where Axon finds them, on the handlers' annotations
        processing.registerDefaultDeadLetterPolicy(config -> (letter, cause) -> Decisions.enqueue(
                ParkingQueue.causeOf(cause)));
        for (String bean : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup annotation = beans.findAnnotationOnBean(bean, ProcessingGroup.class);
            String group = annotation.value();
            processing.registerDeadLetterQueue(group, config -> new ParkingQueue(group,
                    JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                            .processingGroup(group)
                            .connectionProvider(connections.getObject())
                            .transactionManager(transactions.getObject())
                            .schema(deadLetterSchema.getObject())
                            .genericSerializer(config.serializer())
                            .eventSerializer(config.eventSerializer())
                            .maxSequences(maxParkedProjects)
                            .maxSequenceSize(100_000)
                            .build(), jdbc));
        }
    }
}
