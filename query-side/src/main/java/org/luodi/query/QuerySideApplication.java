package org.luodi.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The read side: pooled streaming processors read the shared event store into one table set per read model, and
 * HTTP queries, alerts, the bulletin, the audit trail and the web UI are served from those tables.
 */
@SpringBootApplication(scanBasePackages = {"org.luodi.query", "org.luodi.platform"})
@EnableScheduling
public class QuerySideApplication {
    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
