package org.luodi.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.luodi.events.Departments;
import org.luodi.events.ProjectSigned;

/**
 * ProjectSigned revision 1 → 2, on the stored JSON as it is read: revision 1's {@code introducedBy} was free text.
 * Text that names a department (its code, or its name as 附件2 writes it) becomes that department's code; any other
 * text is kept as {@code introducedByText}, shown but credited to nobody, until a supervisor corrects the credit.
 * <pre>
 * {"introducedBy": "市商务局", …}        →  {"introducedBy": "dept38", "introducedByText": null, …}
 * {"introducedBy": "张总的朋友", …}      →  {"introducedBy": null, "introducedByText": "张总的朋友", …}
 * </pre>
 * A payload that is no JSON object is passed on unchanged ({@link StoredJson}).
 */
public final class ProjectSignedUpcaster extends SingleEventUpcaster {
    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ProjectSigned.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ProjectSigned.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, byte[].class,
                stored -> StoredJson.rewrite(stored, ProjectSignedUpcaster::toRevision2));
    }

    /** The revision-2 payload of a revision-1 payload (a copy). */
    public static ObjectNode toRevision2(ObjectNode revision1) {
        ObjectNode payload = revision1.deepCopy();
        JsonNode text = payload.get("introducedBy");
        String written = text == null || text.isNull() || text.asText().isBlank() ? null : text.asText().strip();
        String code = Departments.codeOf(written);
        payload.put("introducedBy", code);
        payload.put("introducedByText", code == null ? written : null);
        return payload;
    }
}
