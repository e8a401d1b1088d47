package org.luodi.query.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.query.jdbc.TypedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The parked events of every read model (dead_letter_entry), and what an administrator does with them, recorded with
 * who, why and when in dead_letter_action: <b>retry</b> applies the project's parked events again, in order, through
 * the read model's own handlers (Axon's dead-letter processing; they stay parked if it fails again), <b>evict</b>
 * drops one parked event for good (the read model will not hold it; the audit trail of the event store still does).
 */
@Service
public class DeadLetterAdmin {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdmin.class);
    private static final int REASON_LENGTH = 500;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DeadLetterAdmin(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One parked event: {@code project} is its sequence (every later event of the project waits behind the first),
     * {@code index} its place there; the error is set on the letter that failed, not on those that wait behind it.
     */
    public record Parked(String id, String processingGroup, String project, long index, String eventIdentifier,
                         Long globalIndex, Long sequenceNumber, String payloadType, String enqueuedAt,
                         String lastTouched, String errorType, String error) {
    }

    public record Action(long id, OffsetDateTime actedAt, String actor, String action, String processingGroup,
                         String project, String eventIdentifier, Long globalIndex, String reason, String outcome) {
    }

    /** What an action did: {@code remaining} events of the project still parked in the group. */
    public record Outcome(String action, String processingGroup, String project, boolean succeeded, long remaining,
                          String outcome) {
    }

    /** Every parked event, by group, project and place in the project's sequence. */
    public List<Parked> parked() {
        return jdbc.query("""
                SELECT l.dead_letter_id, l.processing_group, l.sequence_identifier, l.sequence_index,
                       l.event_identifier, d.global_index, l.sequence_number, l.payload_type, l.enqueued_at,
                       l.last_touched, l.cause_type, l.cause_message
                  FROM dead_letter_entry l LEFT JOIN domain_event_entry d ON d.event_identifier = l.event_identifier
                 ORDER BY l.processing_group, l.enqueued_at, l.sequence_identifier, l.sequence_index""",
                (rs, i) -> new Parked(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), (Long) rs.getObject(6), (Long) rs.getObject(7), shortType(rs.getString(8)),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)));
    }

    /** The most recent actions first. */
    public List<Action> actions(int limit) {
        return jdbc.query("SELECT id, acted_at, actor, action, processing_group, sequence_identifier, "
                        + "event_identifier, global_index, reason, outcome FROM dead_letter_action "
                        + "ORDER BY id DESC LIMIT ?",
                (rs, i) -> new Action(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        (Long) rs.getObject(8), rs.getString(9), rs.getString(10)), limit);
    }

    /** Applies the parked events of {@code id}'s project again, from the first, in order. */
    public Outcome retry(String id, String reason, String actor) {
        String why = reason(reason);
        Parked letter = find(id);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(letter.processingGroup())
                .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.READ_MODEL,
                        letter.processingGroup(), "读模型 " + letter.processingGroup() + " 没有死信队列"));
        boolean all;
        String failure = null;
        try {
            all = processor.process(l -> letter.project().equals(sequenceOf(l)));
        } catch (RuntimeException e) {
            // the retry runs in one transaction: a failure anywhere leaves every letter of the project as it was
            all = false;
            failure = rootCause(e);
        }
        long remaining = remaining(letter);
        boolean succeeded = all && remaining == 0;
        String outcome;
        if (succeeded) {
            outcome = "已重新处理，该项目的搁置事件均已写入读模型";
        } else {
            String error = failure != null ? failure : firstError(letter).orElse("正在被其他实例处理");
            outcome = "重试未成功，仍有 " + remaining + " 条搁置: " + error;
        }
        record("RETRY", letter, why, actor, outcome);
        log.info("{} retried the parked events of project {} in {}: {}", actor, letter.project(),
                letter.processingGroup(), outcome);
        return new Outcome("RETRY", letter.processingGroup(), letter.project(), succeeded, remaining, outcome);
    }

    /** Drops the parked event {@code id}; the project's later parked events, if any, stay for a retry. */
    public Outcome evict(String id, String reason, String actor) {
        String why = reason(reason);
        Parked letter = find(id);
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(letter.processingGroup());
        for (DeadLetter<? extends EventMessage<?>> candidate : queue.deadLetterSequence(letter.project())) {
            if (candidate instanceof JdbcDeadLetter<?> jdbcLetter && id.equals(jdbcLetter.getIdentifier())) {
                queue.evict(candidate);
            }
        }
        long remaining = remaining(letter);
        String outcome = remaining == 0 ? "已移除，该读模型将不含此事件"
                : "已移除，该项目仍有 " + remaining + " 条搁置事件等待重试";
        record("EVICT", letter, why, actor, outcome);
        log.warn("{} evicted parked event {} of project {} from {}: {}", actor, letter.eventIdentifier(),
                letter.project(), letter.processingGroup(), why);
        return new Outcome("EVICT", letter.processingGroup(), letter.project(), true, remaining, outcome);
    }

    /** A rebuild replays every event, so the group's parked ones go; the count is recorded. */
    void clearForRebuild(String group, String actor) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?",
                Integer.class, group);
        if (count == null || count == 0) {
            return;
        }
        queue(group).clear();
        jdbc.update("INSERT INTO dead_letter_action (acted_at, actor, action, processing_group, reason, outcome) "
                        + "VALUES (?, ?, 'CLEAR', ?, ?, ?)", now(), actor, group, "重建读模型",
                "重建时清除 " + count + " 条搁置事件，重放时重新处理");
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group)
                .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.READ_MODEL, group,
                        "读模型 " + group + " 没有死信队列"));
    }

    private Parked find(String id) {
        return parked().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.DEAD_LETTER, id));
    }

    private long remaining(Parked letter) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? "
                + "AND sequence_identifier = ?", Long.class, letter.processingGroup(), letter.project());
        return count == null ? 0 : count;
    }

    private Optional<String> firstError(Parked letter) {
        return jdbc.query("SELECT cause_message FROM dead_letter_entry WHERE processing_group = ? "
                        + "AND sequence_identifier = ? ORDER BY sequence_index LIMIT 1",
                (rs, i) -> rs.getString(1), letter.processingGroup(), letter.project()).stream().findFirst();
    }

    private void record(String action, Parked letter, String reason, String actor, String outcome) {
        jdbc.update("INSERT INTO dead_letter_action (acted_at, actor, action, processing_group, sequence_identifier, "
                        + "event_identifier, global_index, reason, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                now(), actor, action, letter.processingGroup(), letter.project(), letter.eventIdentifier(),
                letter.globalIndex(), reason, outcome.length() > 1000 ? outcome.substring(0, 1000) + "…" : outcome);
    }

    private OffsetDateTime now() {
        return TypedBatch.timestamp(Instant.now(clock));
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbcLetter ? jdbcLetter.getSequenceIdentifier()
                : ParkingQueue.sequenceOf(letter.message());
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请说明原因");
        }
        if (reason.strip().length() > REASON_LENGTH) {
            throw new InvalidInputException("reason", "原因不能超过 " + REASON_LENGTH + " 字");
        }
        if (reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            // as a command's text: an escape sequence in the record of who did what is no reason anybody typed
            throw new InvalidInputException("reason", "含有控制字符");
        }
        return reason.strip();
    }

    private static String shortType(String payloadType) {
        return payloadType == null ? null : payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
