package org.luodi.query.project;

/**
 * A Spring application event, published inside the transaction that empties project_version and fund_arrival_version
 * for a rebuild from the first event: what was derived from them no longer stands.
 */
public record ProjectVersionsReset() {
}
