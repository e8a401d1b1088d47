package org.luodi.command.ticket;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.luodi.command.project.InvestmentProject;
import org.luodi.command.project.ProjectStanding;
import org.luodi.platform.problem.NotFoundException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Loads the project aggregate in the ticket command's unit of work (its lock held until the ticket's events are
 * stored, so that a void recorded at the same moment cannot slip between the check and the raise).
 */
@Component
class EventSourcedProjectStandings implements ProjectStandings {
    private final Repository<InvestmentProject> projects;

    EventSourcedProjectStandings(@Qualifier("investmentProjectRepository") Repository<InvestmentProject> projects) {
        this.projects = projects;
    }

    @Override
    public ProjectStanding of(String projectId) {
        try {
            return projects.load(projectId).invoke(InvestmentProject::standing);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) { // none, or a ticket's id
            throw new NotFoundException(NotFoundException.Kind.PROJECT, projectId);
        }
    }
}
