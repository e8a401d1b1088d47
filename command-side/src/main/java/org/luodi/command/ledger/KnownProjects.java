package org.luodi.command.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The projects already recorded, by township and name: how a row without a project code (an office's own ledger,
 * imported again next month) finds its project. Read from the event store's signings, renamings and voidings, in
 * the import's transaction; a name compares without spaces and with full-width brackets as half-width ones. Only
 * the signings of the file's townships are read (a township's ledger need not parse the county's), but every
 * correction and voiding: a correction may have moved a project into or out of one of them.
 */
final class KnownProjects {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, List<String>> byName = new HashMap<>();

    private KnownProjects() {
    }

    static KnownProjects read(JdbcTemplate jdbc, Set<String> townships) {
        Map<String, String> keyOf = new LinkedHashMap<>();
        Set<String> voided = new HashSet<>();
        // two index scans (V170): the signings of those townships, every correction and voiding
        jdbc.query("SELECT aggregate_identifier, payload_type, payload, global_index FROM domain_event_entry "
                + "WHERE payload_type = 'org.luodi.events.ProjectSigned' AND luodi_signed_township(payload) = ANY (?) "
                + "UNION ALL SELECT aggregate_identifier, payload_type, payload, global_index FROM domain_event_entry "
                + "WHERE payload_type IN ('org.luodi.events.AttributesCorrected', 'org.luodi.events.ProjectVoided') "
                + "ORDER BY global_index", ps -> ps.setArray(1, ps.getConnection().createArrayOf("text",
                townships.toArray())), rs -> {
            String id = rs.getString(1);
            String type = rs.getString(2);
            if (type.endsWith("ProjectVoided")) {
                voided.add(id);
                return;
            }
            try {
                JsonNode node = JSON.readTree(rs.getBytes(3));
                JsonNode attributes = type.endsWith("AttributesCorrected") ? node.get("after") : node;
                keyOf.put(id, key(attributes.path("township").asText(), attributes.path("name").asText()));
            } catch (IOException e) {
                throw new IllegalStateException("unreadable payload of " + id, e);
            }
        });
        KnownProjects known = new KnownProjects();
        keyOf.forEach((id, key) -> {
            if (!voided.contains(id)) {
                known.byName.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
            }
        });
        return known;
    }

    /** The ids of the live projects of that township with that name (none, one, or several). */
    List<String> find(String township, String name) {
        return byName.getOrDefault(key(township, name), List.of());
    }

    static String key(String township, String name) {
        return township + "\n" + name.replaceAll("\\s", "").replace('（', '(').replace('）', ')');
    }
}
