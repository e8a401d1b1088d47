package org.luodi.command.integrity;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * An event as {@link HashChain} chained it: its hash in the metadata, and the payload's bytes that were hashed, which
 * the storage engine stores instead of serializing the payload a second time (the bytes stored are then the very
 * bytes hashed, by construction). Asked by another serializer or for another representation, it serializes as any
 * event does.
 */
final class HashedEvent<T> extends GenericDomainEventMessage<T> {
    private final transient Serializer serializer;
    private final transient SerializedObject<byte[]> payload;

    HashedEvent(DomainEventMessage<T> event, MetaData metaData, Serializer serializer,
                SerializedObject<byte[]> payload) {
        super(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                new GenericMessage<>(event.getIdentifier(), event.getPayloadType(), event.getPayload(), metaData),
                event.getTimestamp());
        this.serializer = serializer;
        this.payload = payload;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> SerializedObject<R> serializePayload(Serializer serializer, Class<R> expectedRepresentation) {
        if (serializer == this.serializer && expectedRepresentation == byte[].class) {
            return (SerializedObject<R>) payload;
        }
        return super.serializePayload(serializer, expectedRepresentation);
    }
}
