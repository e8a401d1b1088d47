package org.luodi.command.api;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.luodi.command.api.IdempotencyClaim.FirstAnswer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Claims a command's Idempotency-Key inside the command's own unit of work. The command bus begins the unit of work's
 * transaction before any handler interceptor runs (SimpleCommandBus attaches it, then starts the interceptor chain),
 * so the key row, the events and the stored answer commit together in Axon's one commit; and Axon releases the
 * aggregate's lock only after that commit, so the next command on the project (from a cache or the store) always
 * sees it. A key claimed before answers the first request's answer and the command does not run.
 * Axon's Spring Boot auto-configuration registers this bean with the command bus (every handler interceptor bean).
 */
@Component
public class IdempotencyClaims implements MessageHandlerInterceptor<CommandMessage<?>> {
    private final JdbcTemplate jdbc;

    public IdempotencyClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Optional<IdempotencyClaim> claim = IdempotencyClaim.of(unitOfWork.getMessage().getMetaData());
        if (claim.isEmpty() || claimed(claim.get())) {
            return chain.proceed();
        }
        return firstAnswer(claim.get());
    }

    /**
     * Inserts the key row with its answer, known before the command runs. A concurrent request with the same key
     * waits here until the first one commits (then finds its row) or rolls back (then claims the key itself).
     */
    private boolean claimed(IdempotencyClaim claim) {
        return jdbc.update("INSERT INTO idempotency_key (username, key, request_hash, response_status, response_body) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                claim.username(), claim.key(), claim.fingerprint(), claim.status(), claim.body()) == 1;
    }

    private FirstAnswer firstAnswer(IdempotencyClaim claim) {
        return jdbc.queryForObject("SELECT request_hash, response_status, response_body FROM idempotency_key "
                        + "WHERE username = ? AND key = ?",
                (row, i) -> new FirstAnswer(row.getString(1), row.getInt(2), row.getString(3)),
                claim.username(), claim.key());
    }
}
