package org.luodi.command.api;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.luodi.events.EventMetadata;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Copies the command's who/when/why metadata onto every event it causes. */
@Configuration(proxyBeanMethods = false)
public class CommandMetadataConfig {

    @Bean
    public CorrelationDataProvider auditMetadataProvider() {
        return new SimpleCorrelationDataProvider(EventMetadata.ACTOR, EventMetadata.ROLE, EventMetadata.TOWNSHIP,
                EventMetadata.RECORDED_AT, EventMetadata.IDEMPOTENCY_KEY, EventMetadata.REASON,
                EventMetadata.DEPARTMENT);
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
