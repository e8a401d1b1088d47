package org.luodi.query.audit;

import org.luodi.query.audit.ChainVerifier.Problem;
import org.luodi.query.audit.SealHashing.Leaf;
import org.luodi.query.audit.Seals.Seal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the seals over the rows stored today (docs/audit-digest.md). Against a digest: the chain of roots
 * recomputed up to the digest's seal must end in the digest's root, so every event it covered is still there,
 * unchanged and in its place, and no index it covered as absent was filled. Without one: every seal is checked
 * against its predecessor and its rows. A seal that does not match is searched with its finding aid, to name the
 * event (global index, project, sequence) that differs. Either way an event stamped earlier than events that were
 * already sealed before it (minus the grace) is reported as inserted afterwards.
 */
@Service
public class DigestVerifier {
    private final JdbcTemplate jdbc;
    private final Seals seals;
    private final SealProperties properties;

    public DigestVerifier(DataSource dataSource, Seals seals, SealProperties properties) {
        // its own template: streaming the whole store needs a fetch size that other queries should not inherit
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.seals = seals;
        this.properties = properties;
    }

    /** {@code digest}: the seal the check ends with (null: the latest). */
    public record Result(String digest, Long sealedThrough, long seals, long events, List<Problem> problems) {
    }

    @Transactional(readOnly = true)
    public Result verify(Digest digest) {
        List<Seal> all = seals.all();
        List<Problem> problems = new ArrayList<>();
        int end = all.size();
        if (digest != null) {
            end = 0;
            while (end < all.size() && all.get(end).lastIndex() < digest.lastIndex()) {
                end++;
            }
            if (end == all.size() || all.get(end).lastIndex() != digest.lastIndex()) {
                problems.add(new Problem(null, null, digest.lastIndex(), "封存表中已没有此摘要所对应的封存记录（至第 "
                        + digest.lastIndex() + " 号事件），封存表被改动 (the seal of this digest is gone: seal table altered)"));
            } else {
                end++;
            }
        }
        Walk walk = new Walk(all.subList(0, end), digest, problems);
        jdbc.query("SELECT " + SealHashing.ROW_COLUMNS + " FROM domain_event_entry ORDER BY global_index", walk);
        walk.finishSeals(Long.MAX_VALUE);
        Seal last = end == 0 ? null : all.get(end - 1);
        return new Result(last == null ? null : last.digest().toString(), last == null ? null : last.lastIndex(),
                end, walk.events, problems);
    }

    /** Walks the rows in global order, one seal after another, carrying the recomputed and the stored root. */
    private final class Walk implements RowCallbackHandler {
        final List<Seal> seals;
        final Digest digest;
        final List<Problem> problems;
        final List<Leaf> leaves = new ArrayList<>();
        int current;
        long expected = 1;
        long events;
        byte[] recomputedRoot = SealHashing.NO_ROOT;
        byte[] storedRoot = SealHashing.NO_ROOT;
        Instant latestSealedEvent;

        Walk(List<Seal> seals, Digest digest, List<Problem> problems) {
            this.seals = seals;
            this.digest = digest;
            this.problems = problems;
            if (!seals.isEmpty()) {
                expected = seals.get(0).firstIndex();
            }
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            events++;
            Leaf row = SealHashing.row(rs);
            finishSeals(row.globalIndex());
            checkTime(row);
            if (current < seals.size()) {
                absentUpTo(row.globalIndex() - 1);
                if (row.globalIndex() >= expected) {
                    leaves.add(row);
                    expected = row.globalIndex() + 1;
                } else {
                    // below the first seal: sealing starts at index 1, nothing is stored before it
                    problems.add(new Problem(row.projectId(), row.sequence(), row.globalIndex(),
                            "事件的全局序号位于封存范围之前，系事后插入 (event inserted before the sealed range)"));
                }
            }
        }

        /** Ends every seal that lies wholly below {@code globalIndex}. */
        void finishSeals(long globalIndex) {
            while (current < seals.size() && seals.get(current).lastIndex() < globalIndex) {
                Seal seal = seals.get(current);
                absentUpTo(seal.lastIndex());
                finish(seal);
                leaves.clear();
                expected = seal.lastIndex() + 1;
                current++;
            }
        }

        private void absentUpTo(long globalIndex) {
            for (; expected <= globalIndex; expected++) {
                leaves.add(SealHashing.absent(expected));
            }
        }

        private void finish(Seal seal) {
            if (current > 0 && seal.firstIndex() != seals.get(current - 1).lastIndex() + 1) {
                problems.add(new Problem(null, null, seal.firstIndex(), "封存记录 #" + seal.sealNo()
                        + " 与前一封存记录不相接，封存表被改动 (seals not contiguous: seal table altered)"));
            }
            byte[] recomputed = SealHashing.root(recomputedRoot, seal.sealNo(), seal.firstIndex(), seal.lastIndex(),
                    seal.latestEventAt(), seal.sealedAt(), leaves);
            byte[] local = Arrays.equals(recomputedRoot, storedRoot) ? recomputed
                    : SealHashing.root(storedRoot, seal.sealNo(), seal.firstIndex(), seal.lastIndex(),
                    seal.latestEventAt(), seal.sealedAt(), leaves);
            if (!Arrays.equals(local, seal.root())) {
                locate(seal);
            }
            if (digest != null && seal.lastIndex() == digest.lastIndex() && !digest.matches(recomputed)
                    && problems.isEmpty()) {
                problems.add(new Problem(null, null, seal.lastIndex(), "事件库或封存表与此摘要不符 "
                        + "(the store does not match this digest)"));
            }
            recomputedRoot = recomputed;
            storedRoot = seal.root();
            if (seal.latestEventAt() != null
                    && (latestSealedEvent == null || seal.latestEventAt().isAfter(latestSealedEvent))) {
                latestSealedEvent = seal.latestEventAt();
            }
        }

        /** Names the covered indexes whose leaf differs from the one sealed; or the seal itself when none does. */
        private void locate(Seal seal) {
            Map<Long, Leaf> sealed = new HashMap<>();
            for (Leaf entry : DigestVerifier.this.seals.entries(seal.sealNo())) {
                sealed.put(entry.globalIndex(), entry);
            }
            int before = problems.size();
            for (Leaf now : leaves) {
                Leaf then = sealed.get(now.globalIndex());
                if (then != null && !SealHashing.samePrefix(now.hash(), then.hash())) {
                    problems.add(difference(then, now));
                }
            }
            if (problems.size() == before) {
                problems.add(new Problem(null, null, seal.lastIndex(), "封存记录 #" + seal.sealNo() + "（第 "
                        + seal.firstIndex() + "–" + seal.lastIndex() + " 号事件）与其前一封存记录或所覆盖的事件不符，"
                        + "封存表被改动 (seal record altered)"));
            }
        }

        private Problem difference(Leaf then, Leaf now) {
            long index = now.globalIndex();
            if (then.absent()) {
                return new Problem(now.projectId(), now.sequence(), index, "第 " + index + " 号在封存时是空号，现在却有"
                        + now.describe() + "，系事后插入 (event inserted into a sealed gap)");
            }
            if (now.absent()) {
                String reused = reusedBy(then);
                return new Problem(then.projectId(), then.sequence(), index, "已封存的" + then.describe() + "（第 "
                        + index + " 号）被删除 (sealed event removed)" + reused);
            }
            if (then.projectId().equals(now.projectId()) && then.sequence() == now.sequence()) {
                return new Problem(now.projectId(), now.sequence(), index, "已封存的" + now.describe() + "（第 " + index
                        + " 号）内容被改动 (sealed event altered: payload, metadata or time)");
            }
            return new Problem(then.projectId(), then.sequence(), index, "第 " + index + " 号封存时是" + then.describe()
                    + "，现在是" + now.describe() + "，事件被调换或替换 (events reordered or replaced)");
        }

        /** A sealed event removed and its sequence number taken again by another row. */
        private String reusedBy(Leaf then) {
            List<Long> now = jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND sequence_number = ?", Long.class, then.projectId(),
                    then.sequence());
            return now.isEmpty() ? "" : "；其序号已被第 " + now.get(0) + " 号事件重新使用 (sequence number reused)";
        }

        private void checkTime(Leaf row) {
            Instant at = Sealer.eventTime(row.timeStamp());
            if (latestSealedEvent != null && at != null
                    && at.isBefore(latestSealedEvent.minus(properties.grace()))) {
                problems.add(new Problem(row.projectId(), row.sequence(), row.globalIndex(), row.describe() + "的时间 "
                        + at + " 早于此前已封存的事件，系事后补录 (event inserted afterwards with an old timestamp)"));
            }
        }
    }
}
