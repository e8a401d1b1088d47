package org.luodi.platform.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that an append failed on a unique key, so that it reports a {@code ConcurrencyException} (two writers
 * appended the same sequence number: SPEC §7's 409) or an {@code AggregateStreamCreationException} (a project id
 * signed twice) instead of a bare {@code EventStoreException} (500). Axon's JDBC default only recognises
 * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws: it reports SQLState
 * 23505, on a {@code BatchUpdateException} whose next exception carries the detail.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_DEPTH = 20;

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return isUniqueViolation(exception, 0);
    }

    private static boolean isUniqueViolation(Throwable t, int depth) {
        if (t == null || depth > MAX_DEPTH) {
            return false;
        }
        if (t instanceof SQLException sql) {
            if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (isUniqueViolation(sql.getNextException(), depth + 1)) {
                return true;
            }
        }
        return isUniqueViolation(t.getCause(), depth + 1);
    }
}
