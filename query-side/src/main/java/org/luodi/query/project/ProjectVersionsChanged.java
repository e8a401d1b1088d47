package org.luodi.query.project;

/**
 * A Spring application event, published inside the projection's transaction each time a batch of projects gets new versions.
 * Listeners that read project_version must wait for the commit ({@code @TransactionalEventListener}).
 */
public record ProjectVersionsChanged(String projectId) {
}
