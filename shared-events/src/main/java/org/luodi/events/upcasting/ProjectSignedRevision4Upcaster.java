package org.luodi.events.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.luodi.events.ProjectSigned;

/**
 * ProjectSigned revision 3 → 4, on the stored JSON as it is read: a project signed before revision 4 was signed
 * without a lead, and is read as saying exactly that.
 * <pre>
 * {…, "investorCategories": []}  →  {…, "investorCategories": [], "leadId": null, "creditedLeadUnits": []}
 * </pre>
 * Revisions 1 and 2 reach here through the upcasters before it. A payload that is no JSON object is passed on
 * unchanged ({@link StoredJson}).
 */
public final class ProjectSignedRevision4Upcaster extends SingleEventUpcaster {
    static final SimpleSerializedType REVISION_4 = new SimpleSerializedType(ProjectSigned.class.getName(), "4");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return ProjectSignedRevision3Upcaster.REVISION_3.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_4, byte[].class,
                stored -> StoredJson.rewrite(stored, ProjectSignedRevision4Upcaster::toRevision4));
    }

    /** The revision-4 payload of a revision-3 payload (a copy); fields already there are kept. */
    public static ObjectNode toRevision4(ObjectNode revision3) {
        ObjectNode payload = revision3.deepCopy();
        if (!payload.has("leadId")) {
            payload.putNull("leadId");
        }
        if (!payload.has("creditedLeadUnits")) {
            payload.putArray("creditedLeadUnits");
        }
        return payload;
    }
}
