package org.luodi.command.ticket;

import org.luodi.command.project.ProjectStanding;

/**
 * Where a ticket learns of its project: from the project's own events (the command side never reads a read model),
 * so that whose project it is, and whether it is void, is as current as the project itself.
 */
public interface ProjectStandings {

    /** The project's standing; a {@code NotFoundException} (404 project.not-found) when no such project was signed. */
    ProjectStanding of(String projectId);
}
