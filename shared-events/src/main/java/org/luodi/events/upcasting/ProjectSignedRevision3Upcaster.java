package org.luodi.events.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.luodi.events.ProjectSigned;

/**
 * ProjectSigned revision 2 → 3, on the stored JSON as it is read: a project signed before revision 3 stated no
 * planned investment, no types and no investor categories, and it is read as saying exactly that.
 * <pre>
 * {…, "introducedByText": null}  →  {…, "introducedByText": null, "plannedInvestmentWan": null, "types": [],
 *                                     "investorCategories": []}
 * </pre>
 * Revision 1 reaches here through {@link ProjectSignedUpcaster} first. A payload that is no JSON object is passed on
 * unchanged ({@link StoredJson}).
 */
public final class ProjectSignedRevision3Upcaster extends SingleEventUpcaster {
    static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(ProjectSigned.class.getName(), "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return ProjectSignedUpcaster.REVISION_2.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_3, byte[].class,
                stored -> StoredJson.rewrite(stored, ProjectSignedRevision3Upcaster::toRevision3));
    }

    /** The revision-3 payload of a revision-2 payload (a copy); fields already there are kept. */
    public static ObjectNode toRevision3(ObjectNode revision2) {
        ObjectNode payload = revision2.deepCopy();
        if (!payload.has("plannedInvestmentWan")) {
            payload.putNull("plannedInvestmentWan");
        }
        if (!payload.has("types")) {
            payload.putArray("types");
        }
        if (!payload.has("investorCategories")) {
            payload.putArray("investorCategories");
        }
        return payload;
    }
}
