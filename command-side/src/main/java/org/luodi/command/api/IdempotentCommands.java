package org.luodi.command.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.problem.RuleViolationException;
import org.luodi.platform.security.LuodiUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Runs a command at most once per {@code Idempotency-Key} (per user). The key row, the events and the stored
 * answer commit in one transaction (Axon's unit of work joins it), so a retry after a timeout or a crash either
 * finds the first answer or runs the command as if for the first time. Same key, other body: 409.
 */
@Component
public class IdempotentCommands {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final CommandSender sender;

    public IdempotentCommands(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper json,
                              CommandSender sender) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.sender = sender;
    }

    /** Sends {@code command} and answers {@code status} with {@code {"projectId": …}}. */
    public ResponseEntity<Object> send(String idempotencyKey, String route, Object requestBody, Object command,
                                       String projectId, HttpStatus status, String reason) {
        Map<String, Object> answer = Map.of("projectId", projectId);
        if (idempotencyKey == null) {
            sender.send(command, null, reason);
            return ResponseEntity.status(status).body(answer);
        }
        checkKey(idempotencyKey);
        String username = LuodiUser.current().username();
        String fingerprint = sha256(route + "\n" + write(requestBody));
        // The answer is known before the command runs, so the claim stores it at once: one statement, not an
        // INSERT and an UPDATE. Should the command fail, the transaction rolls back and takes the row with it.
        return transaction.execute(tx -> {
            int claimed = jdbc.update("INSERT INTO idempotency_key (username, key, request_hash, response_status, "
                            + "response_body) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    username, idempotencyKey, fingerprint, status.value(), write(answer));
            if (claimed == 0) {
                return replay(username, idempotencyKey, fingerprint);
            }
            sender.send(command, idempotencyKey, reason);
            return ResponseEntity.status(status).body(answer);
        });
    }

    private ResponseEntity<Object> replay(String username, String key, String fingerprint) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT request_hash, response_status, response_body FROM idempotency_key WHERE username = ? AND key = ?",
                username, key);
        Map<String, Object> first = rows.get(0);
        if (!fingerprint.equals(first.get("request_hash"))) {
            throw new RuleViolationException("Idempotency-Key",
                    "该幂等键已用于另一个请求 (Idempotency-Key already used for a different request)");
        }
        return ResponseEntity.status((Integer) first.get("response_status"))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true")
                .body(read((String) first.get("response_body")));
    }

    private static void checkKey(String key) {
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidInputException("Idempotency-Key", "须为 1–200 个可见 ASCII 字符 (1-200 visible ASCII characters)");
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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
