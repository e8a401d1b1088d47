package org.luodi.command.api;

import org.axonframework.messaging.MetaData;

import java.util.Map;
import java.util.Optional;

/**
 * What a command carries so that {@link IdempotencyClaims} can claim its {@code Idempotency-Key} inside the command's
 * own unit of work: whose key, which request (its fingerprint) and the answer to store for a retry. Travels as command
 * metadata; the correlation data providers copy none of it onto events.
 */
record IdempotencyClaim(String username, String key, String fingerprint, int status, String body) {
    private static final String USERNAME = "idempotency.username";
    private static final String KEY = "idempotency.key";
    private static final String FINGERPRINT = "idempotency.fingerprint";
    private static final String STATUS = "idempotency.status";
    private static final String BODY = "idempotency.body";

    MetaData metaData() {
        return MetaData.from(Map.of(USERNAME, username, KEY, key, FINGERPRINT, fingerprint, STATUS, status, BODY, body));
    }

    /** The claim a command carries, if it was sent with an Idempotency-Key. */
    static Optional<IdempotencyClaim> of(MetaData metaData) {
        if (!metaData.containsKey(KEY)) {
            return Optional.empty();
        }
        return Optional.of(new IdempotencyClaim((String) metaData.get(USERNAME), (String) metaData.get(KEY),
                (String) metaData.get(FINGERPRINT), (Integer) metaData.get(STATUS), (String) metaData.get(BODY)));
    }

    /** The answer stored by the request that claimed the key first: what a retry is answered, if it is the same. */
    record FirstAnswer(String fingerprint, int status, String body) {
    }
}
