package org.luodi.events.upcasting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.luodi.events.EventJson;

import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * Rewrites a stored JSON payload for an upcaster, on bytes rather than a {@link JsonNode}: a payload that is no JSON
 * object (damaged in the store) is passed on as it is, so that it fails where every unreadable event fails, in the
 * handler, and is parked for its project. Read as a JsonNode, it would fail in Axon's conversion before the
 * upcaster, again when the dead-letter queue stores the event, and stop the whole stream.
 */
final class StoredJson {
    private static final ObjectMapper JSON = EventJson.mapper();

    private StoredJson() {
    }

    static byte[] rewrite(byte[] stored, UnaryOperator<ObjectNode> change) {
        JsonNode payload;
        try {
            payload = JSON.readTree(stored);
        } catch (IOException unreadable) {
            return stored;
        }
        if (payload == null || !payload.isObject()) {
            return stored;
        }
        try {
            return JSON.writeValueAsBytes(change.apply(((ObjectNode) payload).deepCopy()));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree that cannot be written", impossible);
        }
    }
}
