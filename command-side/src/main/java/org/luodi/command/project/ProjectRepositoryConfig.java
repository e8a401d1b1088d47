package org.luodi.command.project;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps recently used projects in memory, so that a command does not replay the project's events from
 * PostgreSQL first. Safe with several command-side instances: an instance whose copy is stale tries to append a
 * sequence number another instance already used, the unique (aggregate, sequence) constraint refuses it, the
 * client gets 409 and the stale copy is evicted.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectRepositoryConfig {

    @Bean
    public Cache projectCache() {
        return new WeakReferenceCache();
    }
}
