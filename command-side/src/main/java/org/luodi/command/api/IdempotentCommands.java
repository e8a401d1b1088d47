package org.luodi.command.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.MetaData;
import org.luodi.command.api.IdempotencyClaim.FirstAnswer;
import org.luodi.events.Sha256;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.problem.RuleViolationException;
import org.luodi.platform.security.LuodiUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Runs a command at most once per {@code Idempotency-Key} (per user). The command carries the key, the request's
 * fingerprint and the answer ({@link IdempotencyClaim}); {@link IdempotencyClaims} claims the key in the command's own
 * transaction, so the key row, the events and the stored answer commit together, and a retry after a timeout or a
 * crash either finds the first answer or runs the command as if for the first time. Same key, other body: 409.
 */
@Component
public class IdempotentCommands {
    private final ObjectMapper json;
    private final CommandSender sender;

    public IdempotentCommands(ObjectMapper json, CommandSender sender) {
        this.json = json;
        this.sender = sender;
    }

    /** Sends {@code command} and answers {@code status} with {@code {"projectId": …}}. */
    public ResponseEntity<Object> send(String idempotencyKey, String route, Object requestBody, Object command,
                                       String projectId, HttpStatus status, String reason) {
        return send(idempotencyKey, route, requestBody, command, Map.of("projectId", projectId), status, reason);
    }

    /** Sends {@code command} and answers {@code status} with {@code answer} (a ticket's: {@code {"ticketId": …}}). */
    public ResponseEntity<Object> send(String idempotencyKey, String route, Object requestBody, Object command,
                                       Map<String, Object> answer, HttpStatus status, String reason) {
        if (idempotencyKey == null) {
            sender.send(command, null, reason, MetaData.emptyInstance());
            return ResponseEntity.status(status).body(answer);
        }
        checkKey(idempotencyKey);
        String fingerprint = Sha256.hex(route + "\n" + write(requestBody));
        IdempotencyClaim claim = new IdempotencyClaim(LuodiUser.current().username(), idempotencyKey, fingerprint,
                status.value(), write(answer));
        if (sender.send(command, idempotencyKey, reason, claim.metaData()) instanceof FirstAnswer first) {
            return replay(first, fingerprint);
        }
        return ResponseEntity.status(status).body(answer);
    }

    private ResponseEntity<Object> replay(FirstAnswer first, String fingerprint) {
        if (!fingerprint.equals(first.fingerprint())) {
            throw new RuleViolationException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
                    "该幂等键已用于另一个请求");
        }
        return ResponseEntity.status(first.status())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true")
                .body(read(first.body()));
    }

    private static void checkKey(String key) {
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidInputException("Idempotency-Key", "须为 1–200 个可见 ASCII 字符");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object read(String body) {
        try {
            return json.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
