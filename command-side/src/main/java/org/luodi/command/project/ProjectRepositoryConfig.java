package org.luodi.command.project;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps recently used projects in memory, so that a command does not replay the project's events from
 * PostgreSQL first. Safe with several command-side instances: an instance whose copy is stale tries to append a
 * sequence number another instance already used, the unique (aggregate, sequence) constraint refuses it, the
 * client gets 409 and the stale copy is evicted. Deployments that route one project's commands to many instances
 * may prefer fewer such retries over speed: {@code luodi.command.aggregate-cache=false}.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectRepositoryConfig {

    @Bean
    public Cache projectCache(@Value("${luodi.command.aggregate-cache:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }
}
