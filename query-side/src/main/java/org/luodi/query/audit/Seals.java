package org.luodi.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The rows of audit_seal (V50), without their finding aid unless asked. */
@Repository
public class Seals {
    private static final String COLUMNS = "seal_no, first_index, last_index, event_count, absent_count, "
            + "latest_event_at, sealed_at, root";
    private static final RowMapper<Seal> SEAL = (rs, n) -> new Seal(rs.getLong("seal_no"), rs.getLong("first_index"),
            rs.getLong("last_index"), rs.getInt("event_count"), rs.getInt("absent_count"),
            instant(rs.getObject("latest_event_at", OffsetDateTime.class)),
            instant(rs.getObject("sealed_at", OffsetDateTime.class)), rs.getBytes("root"));

    private final JdbcTemplate jdbc;

    public Seals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Seal(long sealNo, long firstIndex, long lastIndex, int eventCount, int absentCount,
                       Instant latestEventAt, Instant sealedAt, byte[] root) {
        Digest digest() {
            return Digest.of(lastIndex, root);
        }
    }

    public List<Seal> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_seal ORDER BY seal_no", SEAL);
    }

    public Optional<Seal> latest() {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_seal ORDER BY seal_no DESC LIMIT 1", SEAL)
                .stream().findFirst();
    }

    /** The last seal made at or before {@code moment}. */
    public Optional<Seal> asOf(Instant moment) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_seal WHERE sealed_at <= ? ORDER BY seal_no DESC LIMIT 1",
                SEAL, utc(moment)).stream().findFirst();
    }

    /** How many events the seals up to {@code sealNo} cover. */
    public long eventsThrough(long sealNo) {
        Long events = jdbc.queryForObject("SELECT coalesce(sum(event_count), 0) FROM audit_seal WHERE seal_no <= ?",
                Long.class, sealNo);
        return events == null ? 0 : events;
    }

    public List<SealHashing.Leaf> entries(long sealNo) {
        List<byte[]> rows = jdbc.queryForList("SELECT entries FROM audit_seal WHERE seal_no = ?", byte[].class, sealNo);
        return rows.isEmpty() ? List.of() : SealHashing.readEntries(rows.get(0));
    }

    void insert(Seal seal, byte[] entries) {
        jdbc.update("INSERT INTO audit_seal (" + COLUMNS + ", entries) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seal.sealNo(), seal.firstIndex(), seal.lastIndex(), seal.eventCount(), seal.absentCount(),
                utc(seal.latestEventAt()), utc(seal.sealedAt()), seal.root(), entries);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
