package org.luodi.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.luodi.events.FundsArrived;

/**
 * FundsArrived revision 1 → 2, on the stored JSON as it is read (nothing in the store changes):
 * <pre>
 * {"amountWan": 300.25, "amountUsdWan": null, …}  →  {"amount": {"wan": 300.25, "currency": "CNY"}, …}
 * {"amountWan": null,   "amountUsdWan": 80,   …}  →  {"amount": {"wan": 80,     "currency": "USD"}, …}
 * </pre>
 * Revision 1 had exactly one of the two amounts; should both ever be present, 万元 wins (as revision 1's readers
 * counted a domestic arrival by its {@code amountWan}); should neither be, the amount is null.
 * A payload that is no JSON object is passed on unchanged ({@link StoredJson}).
 */
public final class FundsArrivedUpcaster extends SingleEventUpcaster {
    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(FundsArrived.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(FundsArrived.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, byte[].class, FundsArrivedUpcaster::toRevision2);
    }

    /** The revision-2 bytes of stored revision-1 bytes; bytes that are no JSON object, unchanged. */
    static byte[] toRevision2(byte[] stored) {
        return StoredJson.rewrite(stored, payload -> (ObjectNode) toRevision2(payload));
    }

    /** The revision-2 payload of a revision-1 payload. */
    public static JsonNode toRevision2(JsonNode revision1) {
        ObjectNode payload = revision1.deepCopy();
        JsonNode cny = payload.remove("amountWan");
        JsonNode usd = payload.remove("amountUsdWan");
        if (present(cny)) {
            payload.putObject("amount").set("wan", cny);
            ((ObjectNode) payload.get("amount")).put("currency", "CNY");
        } else if (present(usd)) {
            payload.putObject("amount").set("wan", usd);
            ((ObjectNode) payload.get("amount")).put("currency", "USD");
        } else {
            payload.putNull("amount");
        }
        return payload;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }
}
