package org.luodi.platform.eventstore;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.luodi.events.upcasting.CompanyRegisteredUpcaster;
import org.luodi.events.upcasting.FundsArrivedUpcaster;
import org.luodi.events.upcasting.ProjectSignedRevision3Upcaster;
import org.luodi.events.upcasting.ProjectSignedRevision4Upcaster;
import org.luodi.events.upcasting.ProjectSignedUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The event upcasters, for both sides: Axon's Spring Boot configuration puts every {@link EventUpcaster} bean in
 * the configuration's upcaster chain, which the command side's storage engine uses when it loads an aggregate and
 * the query side's ({@code ProcessingConfig}) when its processors read the stream. Old events are read in today's
 * shape; the append-only store is never rewritten. The chain applies them in {@link Order}: an event type's
 * revision 1 → 2 before its 2 → 3.
 */
@Configuration(proxyBeanMethods = false)
public class EventUpcasting {

    /** FundsArrived 1 → 2: one amount with its currency in place of amountWan / amountUsdWan. */
    @Bean
    public EventUpcaster fundsArrivedUpcaster() {
        return new FundsArrivedUpcaster();
    }

    /** CompanyRegistered 1 → 2: whether the company is a 外向型市场主体, unknown for registrations before the question. */
    @Bean
    public EventUpcaster companyRegisteredUpcaster() {
        return new CompanyRegisteredUpcaster();
    }

    /** ProjectSigned 1 → 2: the free-text 引荐单位 becomes a department code where it names one. */
    @Bean
    @Order(1)
    public EventUpcaster projectSignedUpcaster() {
        return new ProjectSignedUpcaster();
    }

    /** ProjectSigned 2 → 3: no planned investment, no types and no investor categories stated. */
    @Bean
    @Order(2)
    public EventUpcaster projectSignedRevision3Upcaster() {
        return new ProjectSignedRevision3Upcaster();
    }

    /** ProjectSigned 3 → 4: signed without a lead (no leadId, no credited lead units). */
    @Bean
    @Order(3)
    public EventUpcaster projectSignedRevision4Upcaster() {
        return new ProjectSignedRevision4Upcaster();
    }
}
