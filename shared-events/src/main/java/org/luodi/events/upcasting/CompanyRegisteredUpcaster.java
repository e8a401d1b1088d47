package org.luodi.events.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.luodi.events.CompanyRegistered;

/**
 * CompanyRegistered revision 1 → 2, on the stored JSON as it is read: revision 2 asks whether the company is a
 * 外向型市场主体; a registration recorded before the question existed says nothing ({@code exportOriented} null) and
 * counts for no 外向型 target. A payload that is no JSON object is passed on unchanged ({@link StoredJson}).
 */
public final class CompanyRegisteredUpcaster extends SingleEventUpcaster {
    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(CompanyRegistered.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(CompanyRegistered.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, byte[].class,
                stored -> StoredJson.rewrite(stored, CompanyRegisteredUpcaster::toRevision2));
    }

    /** The revision-2 payload of a revision-1 payload (a copy). */
    public static ObjectNode toRevision2(ObjectNode revision1) {
        ObjectNode payload = revision1.deepCopy();
        payload.putNull("exportOriented");
        return payload;
    }
}
