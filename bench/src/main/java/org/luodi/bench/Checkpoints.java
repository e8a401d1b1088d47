package org.luodi.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What PostgreSQL's checkpointer and WAL did during a phase, from pg_stat_bgwriter and pg_stat_wal: to tell whether
 * commands were slow because a checkpoint was writing out a rebuild's pages (full-page images in the WAL that each
 * commit waits for, and the checkpoint's own writes competing with the commits' fsyncs).
 */
record Checkpoints(long checkpoints, double writeSeconds, double syncSeconds, long buffersWritten, long walRecords,
                   long walFullPageImages, long walBytes) {

    static Checkpoints now(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT checkpoints_timed + "
                + "checkpoints_req, checkpoint_write_time, checkpoint_sync_time, buffers_checkpoint, wal_records, "
                + "wal_fpi, wal_bytes FROM pg_stat_bgwriter, pg_stat_wal")) {
            rs.next();
            return new Checkpoints(rs.getLong(1), rs.getDouble(2) / 1000, rs.getDouble(3) / 1000, rs.getLong(4),
                    rs.getLong(5), rs.getLong(6), rs.getLong(7));
        }
    }

    Checkpoints since(Checkpoints before) {
        return new Checkpoints(checkpoints - before.checkpoints, writeSeconds - before.writeSeconds,
                syncSeconds - before.syncSeconds, buffersWritten - before.buffersWritten,
                walRecords - before.walRecords, walFullPageImages - before.walFullPageImages,
                walBytes - before.walBytes);
    }

    /** A delta, as one line for the report. */
    String describe() {
        return String.format("%d checkpoint(s) (%,d buffers written, write %.0f s, sync %.1f s); WAL %,d "
                        + "records, %,d full-page images, %,.0f MiB", checkpoints, buffersWritten, writeSeconds,
                syncSeconds, walRecords, walFullPageImages, walBytes / 1048576.0);
    }
}
