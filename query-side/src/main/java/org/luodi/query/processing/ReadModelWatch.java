package org.luodi.query.processing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Whether every read model keeps up, for health, the admin page and the supervisors' alert stream. A read model is in
 * trouble when
 * <ul>
 *   <li>it has parked events (PARKED): some projects' events wait in its dead-letter queue;</li>
 *   <li>its processor fails and retries (FAILING), e.g. while the database is away;</li>
 *   <li>it has not advanced for {@code luodi.processing.stall-after} (2 minutes) while events are waiting
 *       (STALLED).</li>
 * </ul>
 * Every {@code luodi.processing.watch-interval-ms} (5 s) the watch looks, and announces each new problem (a group, a
 * kind, a first failing event) and each group that is well again as a {@link ReadModelNotice}, which the alert stream
 * pushes to supervisors and administrators. Elapsed time is measured with the monotonic clock, not the injected
 * business clock, which tests move by days.
 */
@Service
public class ReadModelWatch {
    private static final Logger log = LoggerFactory.getLogger(ReadModelWatch.class);

    private final ProcessingProgress progress;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher publisher;
    private final long stallAfterNanos;
    private final Map<String, Sample> samples = new HashMap<>(); // guarded by this
    private Map<String, Problem> announced = Map.of(); // guarded by this

    public ReadModelWatch(ProcessingProgress progress, JdbcTemplate jdbc, ApplicationEventPublisher publisher,
                          @Value("${luodi.processing.stall-after:2m}") Duration stallAfter) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.stallAfterNanos = stallAfter.toNanos();
    }

    public enum Kind {
        PARKED("有事件被搁置"), FAILING("处理出错，正在重试"), STALLED("长时间未前进");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One read model in trouble. {@code parkedEvents}/{@code parkedProjects} count its dead letters; the first
     * failing event is the earliest parked one that failed (or, for FAILING, the processor's error); {@code message}
     * says it in Chinese.
     */
    public record Problem(String processingGroup, Kind kind, String kindName, long parkedEvents, long parkedProjects,
                          String firstEventIdentifier, String firstProject, Long firstGlobalIndex, String firstError,
                          Long position, Long head, String message) {
    }

    private record Sample(Long position, long since) {
    }

    private record FirstParked(String group, String eventIdentifier, String project, Long globalIndex, String error,
                               long events, long projects) {
    }

    /** The read models' problems now; announces what changed since the last look. */
    public synchronized List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        Map<String, FirstParked> parked = parked();
        long now = System.nanoTime();
        for (ProcessorStatus status : progress.all()) {
            String group = status.processingGroup();
            FirstParked first = parked.get(group);
            String segmentError = status.segments().stream().map(ProcessorStatus.SegmentStatus::error)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            if (first != null) {
                problems.add(new Problem(group, Kind.PARKED, Kind.PARKED.label, first.events(), first.projects(),
                        first.eventIdentifier(), first.project(), first.globalIndex(), first.error(),
                        status.position(), status.head(), "读模型 " + group + " 有 " + first.events() + " 条事件被搁置（"
                        + first.projects() + " 个项目），首个失败事件 " + describe(first) + "：" + first.error()));
            }
            if (segmentError != null) {
                problems.add(new Problem(group, Kind.FAILING, Kind.FAILING.label, 0, 0, null, null, null,
                        segmentError, status.position(), status.head(), "读模型 " + group + " 处理出错，正在重试（位置 "
                        + status.position() + "，最新 " + status.head() + "）：" + segmentError));
            }
            if (stalled(group, status, now)) {
                problems.add(new Problem(group, Kind.STALLED, Kind.STALLED.label, 0, 0, null, null, status.position(),
                        null, status.position(), status.head(), "读模型 " + group + " 已超过 "
                        + Duration.ofNanos(stallAfterNanos).toSeconds() + " 秒未前进（位置 " + status.position()
                        + "，最新 " + status.head() + "），有事件等待处理"));
            }
        }
        announce(problems);
        return problems;
    }

    @Scheduled(fixedDelayString = "${luodi.processing.watch-interval-ms:5000}",
            initialDelayString = "${luodi.processing.watch-interval-ms:5000}")
    void watch() {
        try {
            check();
        } catch (DataAccessException e) {
            log.debug("could not look at the read models' progress: {}", e.toString());
        }
    }

    private boolean stalled(String group, ProcessorStatus status, long now) {
        Long position = status.position();
        Long head = status.head();
        Sample before = samples.get(group);
        boolean waiting = head != null && (position == null || position < head);
        if (!waiting || before == null || !Objects.equals(before.position(), position)) {
            samples.put(group, new Sample(position, now));
            return false;
        }
        return now - before.since() >= stallAfterNanos;
    }

    /** Per group: how much is parked, and the earliest parked event that failed (those behind it carry no error). */
    private Map<String, FirstParked> parked() {
        Map<String, FirstParked> parked = new HashMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (l.processing_group) l.processing_group, l.event_identifier, l.sequence_identifier,
                       (SELECT d.global_index FROM domain_event_entry d WHERE d.event_identifier = l.event_identifier),
                       l.cause_type, l.cause_message,
                       (SELECT count(*) FROM dead_letter_entry c WHERE c.processing_group = l.processing_group),
                       (SELECT count(DISTINCT c.sequence_identifier) FROM dead_letter_entry c
                         WHERE c.processing_group = l.processing_group)
                  FROM dead_letter_entry l
                 ORDER BY l.processing_group, (l.cause_type IS NULL), l.enqueued_at, l.sequence_index""", rs -> {
            String error = rs.getString(5) == null ? "排在本项目失败的事件之后，等待重试" : shortType(rs.getString(5)) + ": " + rs.getString(6);
            parked.put(rs.getString(1), new FirstParked(rs.getString(1), rs.getString(2), rs.getString(3),
                    (Long) rs.getObject(4), error, rs.getLong(7), rs.getLong(8)));
        });
        return parked;
    }

    private void announce(List<Problem> problems) {
        Map<String, Problem> now = new HashMap<>();
        problems.forEach(p -> now.put(p.processingGroup() + "/" + p.kind() + "/" + p.firstEventIdentifier(), p));
        Set<String> troubledBefore = new HashSet<>();
        announced.values().forEach(p -> troubledBefore.add(p.processingGroup()));
        Set<String> troubledNow = new HashSet<>();
        problems.forEach(p -> troubledNow.add(p.processingGroup()));
        for (Map.Entry<String, Problem> entry : now.entrySet()) {
            if (!announced.containsKey(entry.getKey())) {
                Problem p = entry.getValue();
                log.warn("read model {}: {}", p.processingGroup(), p.message());
                publisher.publishEvent(new ReadModelNotice(ReadModelNotice.STALLED, p.processingGroup(), p.kind().name(),
                        p.firstEventIdentifier(), p.firstProject(), p.firstGlobalIndex(), p.message()));
            }
        }
        for (String group : troubledBefore) {
            if (!troubledNow.contains(group)) {
                log.info("read model {} is well again", group);
                publisher.publishEvent(new ReadModelNotice(ReadModelNotice.RECOVERED, group, null, null, null, null,
                        "读模型 " + group + " 已恢复正常"));
            }
        }
        announced = now;
    }

    private static String describe(FirstParked first) {
        return (first.globalIndex() != null ? "#" + first.globalIndex() + " " : "") + "（项目 " + first.project() + "）";
    }

    private static String shortType(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
