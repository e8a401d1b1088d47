package org.luodi.query.project;

import java.util.Set;

/**
 * A Spring application event, published inside the projection's transaction each time a batch of projects gets new
 * versions (or arrivals), naming them. Listeners that read project_version must wait for the commit
 * ({@code @TransactionalEventListener}); listeners that write beside it may write in the same transaction.
 */
public record ProjectVersionsChanged(Set<String> projectIds) {
}
