package org.luodi.system.resilience;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What {@code token_entry} says: which process owns which segment of which processor, and how far it got. */
final class Tokens {
    /** The query side's pooled processors whose read models the resilience tests recompute. */
    static final Set<String> PROCESSORS = Set.of("project-versions", "project-history");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One segment's row; {@code ownerPid} is null when unclaimed, {@code position} the token's global index. */
    record Claim(String processor, int segment, String ownerPid, long position) {
    }

    private Tokens() {
    }

    static List<Claim> read(Connection sql) throws SQLException {
        List<Claim> claims = new ArrayList<>();
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT processor_name, segment, owner, convert_from(token, 'UTF8') FROM token_entry "
                        + "ORDER BY processor_name, segment")) {
            while (rs.next()) {
                claims.add(new Claim(rs.getString(1), rs.getInt(2), Cluster.ownerPid(rs.getString(3)),
                        position(rs.getString(4))));
            }
        }
        return claims;
    }

    /** Processor to the pids owning its segments (unclaimed segments count as owner "none"). */
    static Map<String, Set<String>> ownersByProcessor(List<Claim> claims) {
        return claims.stream().collect(Collectors.groupingBy(Claim::processor, TreeMap::new,
                Collectors.mapping(c -> c.ownerPid() == null ? "none" : c.ownerPid(),
                        Collectors.toCollection(TreeSet::new))));
    }

    /**
     * True when Luodi's processors have their segments and the segments of every processor (those and any other)
     * are owned by exactly the processes {@code pids}.
     */
    static boolean everyProcessorOwnedBy(List<Claim> claims, Set<String> pids) {
        Map<String, Set<String>> owners = ownersByProcessor(claims);
        return owners.keySet().containsAll(PROCESSORS) && owners.values().stream().allMatch(pids::equals);
    }

    private static long position(String token) {
        if (token == null) {
            return -1;
        }
        try {
            return JSON.readTree(token).path("index").asLong(-1);
        } catch (Exception e) {
            return -1;
        }
    }
}
