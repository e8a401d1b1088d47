package org.luodi.command.lead;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.luodi.platform.problem.NotFoundException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Loads the lead in the signing's unit of work (its lock held until both aggregates' events are stored) and lets it
 * decide: {@link Lead#sign} applies {@code LeadSigned} there, with the signing's metadata (who, why).
 */
@Component
class EventSourcedLeadSignings implements LeadSignings {
    private final Repository<Lead> leads;

    EventSourcedLeadSignings(@Lazy @Qualifier("leadRepository") Repository<Lead> leads) {
        this.leads = leads;
    }

    @Override
    public List<String> sign(String leadId, String projectId, String township, LocalDate signedOn,
                             BigDecimal contractAmountWan) {
        MetaData metaData = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().getMessage().getMetaData() : MetaData.emptyInstance();
        try {
            return leads.load(leadId).invoke(lead -> lead.sign(projectId, township, signedOn, contractAmountWan,
                    metaData));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) { // none, or a project's id
            throw new NotFoundException(NotFoundException.Kind.LEAD, leadId);
        }
    }
}
