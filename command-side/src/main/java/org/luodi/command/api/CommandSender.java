package org.luodi.command.api;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.luodi.events.EventMetadata;
import org.luodi.platform.security.LuodiUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends a command with the metadata every resulting event must carry (SPEC §2): who, in which role and township,
 * when it was recorded, under which idempotency key, and why.
 * <p>
 * A command that lost a race for its project's next sequence number (another instance, or a stale cached aggregate,
 * appended first: the {@code (aggregate, sequence)} unique key refused the append and the whole transaction rolled
 * back, key row included) is sent again, a bounded number of times: it is then decided on the project as it now is,
 * as if it had arrived a moment later, instead of bouncing a spurious 409 back to the user.
 */
@Component
public class CommandSender {
    /** Attempts in all for a command that keeps losing races; the last conflict becomes the API's 409. */
    static final int ATTEMPTS = 3;
    /** Logged on every resend, so that an operator (and SeveralInstancesTest) can see how often instances collide. */
    static final String RESENT = "lost a race for the project's next sequence number; sending again";
    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);

    private final CommandGateway gateway;
    private final Clock clock;

    public CommandSender(CommandGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Sends and waits; answers what the handling answered (see {@link IdempotencyClaims}). */
    public Object send(Object command, String idempotencyKey, String reason, MetaData extra) {
        LuodiUser user = LuodiUser.current();
        Map<String, Object> meta = new HashMap<>(extra);
        meta.put(EventMetadata.ACTOR, user.username());
        meta.put(EventMetadata.ROLE, user.role().name());
        meta.put(EventMetadata.TOWNSHIP, user.township());
        if (user.isDepartment()) {
            meta.put(EventMetadata.DEPARTMENT, user.department()); // only theirs: the events of others stay as they were
        }
        meta.put(EventMetadata.RECORDED_AT, Instant.now(clock).toString());
        meta.put(EventMetadata.IDEMPOTENCY_KEY, idempotencyKey);
        meta.put(EventMetadata.REASON, reason);
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(meta));
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(message);
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !lostARace(failure)) {
                    throw failure;
                }
                log.info("{}: {} (attempt {} of {})", command.getClass().getSimpleName(), RESENT, attempt + 1, ATTEMPTS);
            }
        }
    }

    /** A {@code ConcurrencyException}, however wrapped; not a second signing of a used id (a different exception). */
    private static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
