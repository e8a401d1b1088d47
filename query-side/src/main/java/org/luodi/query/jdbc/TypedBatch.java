package org.luodi.query.jdbc;


import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A JDBC batch whose parameters have declared SQL types ({@link java.sql.Types}): values go to the driver as they
 * are ({@code setObject}: String, Long, BigDecimal, Boolean, {@link java.time.LocalDate}, {@link OffsetDateTime}) and
 * nulls with their column's type. pgjdbc then binds every row of the batch with the same parameter types, so one
 * prepared statement serves the whole batch, and no java.sql.Date/Timestamp with their Calendar arithmetic is made
 * per value, nor does Spring work out each null's type.
 * <p>
 * The projections use it for updates; new rows go in with {@link CopyBatch}, which costs PostgreSQL less per row.
 */
public final class TypedBatch {
    private final String sql;
    private final int[] types;

    public TypedBatch(String sql, int... types) {
        this.sql = sql;
        this.types = types.clone();
    }

    /** Executes the statement once per row; each row holds one value per declared type. */
    public void execute(JdbcTemplate jdbc, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, rows, rows.size(), this::bind);
    }

    private void bind(PreparedStatement ps, Object[] row) throws SQLException {
        if (row.length != types.length) {
            throw new IllegalArgumentException(row.length + " values for " + types.length + " parameters: " + sql);
        }
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                ps.setNull(i + 1, types[i]);
            } else {
                ps.setObject(i + 1, row[i]);
            }
        }
    }

    /** An instant as pgjdbc binds it to a timestamptz without conversions through java.util.Calendar. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
