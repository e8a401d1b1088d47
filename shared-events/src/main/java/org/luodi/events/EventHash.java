package org.luodi.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The tamper-evident chain of a project's events: each event's metadata holds the hash of the event before it
 * ({@link #PREVIOUS}) and its own hash ({@link #HASH}) over that previous hash, its place in the stream, the exact
 * stored payload bytes and who/when/why. Changing or removing any stored row breaks the chain from there on. Both
 * sides compute it here: the command side when it appends, the query side when it verifies.
 */
public final class EventHash {
    public static final String HASH = "hash";
    public static final String PREVIOUS = "previousHash";
    private static final String[] AUDITED_METADATA = {EventMetadata.ACTOR, EventMetadata.ROLE, EventMetadata.TOWNSHIP,
            EventMetadata.RECORDED_AT, EventMetadata.REASON, EventMetadata.IDEMPOTENCY_KEY};

    private EventHash() {
    }

    public static String of(String previousHash, String aggregateId, long sequence, String payloadType,
                            String payloadRevision, byte[] payload, Map<String, ?> metaData) {
        StringBuilder material = new StringBuilder()
                .append(previousHash).append('\n')
                .append(aggregateId).append('\n')
                .append(sequence).append('\n')
                .append(payloadType).append('\n')
                .append(payloadRevision).append('\n')
                .append(sha256(payload));
        for (String key : AUDITED_METADATA) {
            Object value = metaData.get(key);
            material.append('\n').append(key).append('=').append(value == null ? "" : value.toString());
        }
        return sha256(material.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
