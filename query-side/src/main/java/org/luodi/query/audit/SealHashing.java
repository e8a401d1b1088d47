package org.luodi.query.audit;

import org.luodi.events.Sha256;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The hashes of the global digest (docs/audit-digest.md). A stored row's leaf is SHA-256(0x00 || its canonical bytes:
 * every column of domain_event_entry, lengths first); an index that holds no event is covered by SHA-256(0x02 ||
 * index), so a row that appears there later changes the leaf. A seal's root is SHA-256(0x01 || previous root ||
 * seal number, bounds, latest event time, sealed-at || every leaf of its indexes in order): the roots form one chain.
 */
final class SealHashing {
    static final String ROW_COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "payload_type, payload_revision, time_stamp, payload, meta_data";
    static final byte[] NO_ROOT = new byte[32];
    static final int PREFIX = 8;

    private SealHashing() {
    }

    /** One covered index: its leaf, and for the finding aid the project and sequence it held (-1: absent). */
    record Leaf(long globalIndex, byte[] hash, String projectId, long sequence, String timeStamp) {
        boolean absent() {
            return sequence < 0;
        }

        String describe() {
            return absent() ? "空号" : "项目 " + projectId + " 第 " + sequence + " 号事件";
        }
    }

    static Leaf row(ResultSet rs) throws SQLException {
        long globalIndex = rs.getLong("global_index");
        String projectId = rs.getString("aggregate_identifier");
        long sequence = rs.getLong("sequence_number");
        String timeStamp = rs.getString("time_stamp");
        MessageDigest sha = Sha256.digest();
        sha.update((byte) 0x00);
        sha.update(ByteBuffer.allocate(8).putLong(globalIndex).array());
        text(sha, rs.getString("event_identifier"));
        text(sha, projectId);
        sha.update(ByteBuffer.allocate(8).putLong(sequence).array());
        text(sha, rs.getString("type"));
        text(sha, rs.getString("payload_type"));
        text(sha, rs.getString("payload_revision"));
        text(sha, timeStamp);
        bytes(sha, rs.getBytes("payload"));
        bytes(sha, rs.getBytes("meta_data"));
        return new Leaf(globalIndex, sha.digest(), projectId, sequence, timeStamp);
    }

    static Leaf absent(long globalIndex) {
        MessageDigest sha = Sha256.digest();
        sha.update((byte) 0x02);
        sha.update(ByteBuffer.allocate(8).putLong(globalIndex).array());
        return new Leaf(globalIndex, sha.digest(), null, -1, null);
    }

    static byte[] root(byte[] previousRoot, long sealNo, long firstIndex, long lastIndex, Instant latestEventAt,
                       Instant sealedAt, List<Leaf> leaves) {
        MessageDigest sha = Sha256.digest();
        sha.update((byte) 0x01);
        sha.update(previousRoot);
        sha.update(ByteBuffer.allocate(40).putLong(sealNo).putLong(firstIndex).putLong(lastIndex)
                .putLong(latestEventAt == null ? Long.MIN_VALUE : latestEventAt.toEpochMilli())
                .putLong(sealedAt.toEpochMilli()).array());
        for (Leaf leaf : leaves) {
            sha.update(leaf.hash());
        }
        return sha.digest();
    }

    /** The finding aid: per index a hash prefix, the sequence number (-1: absent) and the project id. */
    static byte[] entries(List<Leaf> leaves) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(leaves.size() * 56);
        for (Leaf leaf : leaves) {
            byte[] id = leaf.projectId() == null ? new byte[0] : leaf.projectId().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(PREFIX + 8 + 8 + 2).putLong(leaf.globalIndex())
                    .put(leaf.hash(), 0, PREFIX).putLong(leaf.sequence()).putShort((short) id.length).array());
            out.writeBytes(id);
        }
        return out.toByteArray();
    }

    /** The leaves as sealed, with only their hash prefix (enough to find the one that differs). */
    static List<Leaf> readEntries(byte[] entries) {
        List<Leaf> leaves = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(entries);
        while (in.remaining() >= PREFIX + 18) {
            long globalIndex = in.getLong();
            byte[] prefix = new byte[PREFIX];
            in.get(prefix);
            long sequence = in.getLong();
            byte[] id = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(id);
            leaves.add(new Leaf(globalIndex, prefix, sequence < 0 ? null : new String(id, StandardCharsets.UTF_8),
                    sequence, null));
        }
        return leaves;
    }

    static boolean samePrefix(byte[] hash, byte[] prefix) {
        return Arrays.equals(hash, 0, PREFIX, prefix, 0, PREFIX);
    }

    private static void text(MessageDigest sha, String value) {
        bytes(sha, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest sha, byte[] value) {
        sha.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            sha.update(value);
        }
    }
}
