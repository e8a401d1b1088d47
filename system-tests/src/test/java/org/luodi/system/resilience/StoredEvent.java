package org.luodi.system.resilience;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code domain_event_entry}, read as the JSON it stores; nothing from Luodi's own code is used to read
 * it, so that the checks built on it are independent of the production serializer and projections.
 */
record StoredEvent(long globalIndex, String projectId, long sequence, String eventId, String type, JsonNode payload,
                   JsonNode metaData) {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static List<StoredEvent> readAll(Connection sql) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT global_index, aggregate_identifier, sequence_number, event_identifier, payload_type,
                       convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8')
                FROM domain_event_entry ORDER BY global_index""")) {
            while (rs.next()) {
                String type = rs.getString(5);
                events.add(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        type.substring(type.lastIndexOf('.') + 1), json(rs.getString(6)), json(rs.getString(7))));
            }
        }
        return events;
    }

    String idempotencyKey() {
        return text(metaData, "idempotencyKey");
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text == null ? "{}" : text);
        } catch (Exception e) {
            throw new IllegalStateException("stored JSON unreadable: " + text, e);
        }
    }
}
