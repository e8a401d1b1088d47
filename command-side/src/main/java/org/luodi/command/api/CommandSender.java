package org.luodi.command.api;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.luodi.events.EventMetadata;
import org.luodi.platform.security.LuodiUser;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends a command with the metadata every resulting event must carry (SPEC §2): who, in which role and township,
 * when it was recorded, under which idempotency key, and why.
 */
@Component
public class CommandSender {
    private final CommandGateway gateway;
    private final Clock clock;

    public CommandSender(CommandGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    public void send(Object command, String idempotencyKey, String reason) {
        LuodiUser user = LuodiUser.current();
        Map<String, Object> meta = new HashMap<>();
        meta.put(EventMetadata.ACTOR, user.username());
        meta.put(EventMetadata.ROLE, user.role().name());
        meta.put(EventMetadata.TOWNSHIP, user.township());
        meta.put(EventMetadata.RECORDED_AT, Instant.now(clock).toString());
        meta.put(EventMetadata.IDEMPOTENCY_KEY, idempotencyKey);
        meta.put(EventMetadata.REASON, reason);
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(meta)));
    }
}
