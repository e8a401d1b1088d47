package org.luodi.query.processing;


import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One processing group's dead-letter queue (Axon's {@code JdbcSequencedDeadLetterQueue} on dead_letter_entry, one
 * sequence per project), as the group's processor uses it while it works through a batch:
 * <ul>
 *   <li>Axon asks, for every event, whether the event's project already has parked events (then the event is parked
 *       behind them, so that a project's events are never applied out of order). Asked of the table, that is one
 *       query per event; here the group's parked projects are read once per batch, and only a project found there is
 *       asked about again. Only the processor that owns a project's segment parks its events, so no project is
 *       parked elsewhere during the batch; one released elsewhere is found by that second question.</li>
 *   <li>{@link UnitOfWorkBatch} writes a batch in a few statements at its end, after Axon's per-event error handling:
 *       it narrows a failing batch down to the failing project and event with {@link #attempt savepoints} and
 *       {@link #park parks} that event and the project's later ones of the batch here.</li>
 * </ul>
 */
final class ParkingQueue implements SequencedDeadLetterQueue<EventMessage<?>> {
    private final String group;
    private final SequencedDeadLetterQueue<EventMessage<?>> delegate;
    private final JdbcTemplate jdbc;

    ParkingQueue(String group, SequencedDeadLetterQueue<EventMessage<?>> delegate, JdbcTemplate jdbc) {
        this.group = group;
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    /** The queue of the group the current batch belongs to; null outside a processor's batch (e.g. a retry). */
    static ParkingQueue ofCurrentBatch(String group) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        BatchView view = CurrentUnitOfWork.get().root().getResource(key(group));
        return view == null ? null : view.queue;
    }

    /** The project an event belongs to: Axon's sequencing per aggregate, as the processor's policy. */
    static String sequenceOf(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null
                ? domain.getAggregateIdentifier() : message.getIdentifier();
    }

    private static String key(String group) {
        return ParkingQueue.class.getName() + ":" + group;
    }

    /** What this batch knows of the group's parked projects. */
    private static final class BatchView {
        final ParkingQueue queue;
        final Set<String> parked;
        final Set<String> parkedInThisBatch = new HashSet<>();

        BatchView(ParkingQueue queue, Set<String> parked) {
            this.queue = queue;
            this.parked = parked;
        }
    }

    private BatchView view() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key(group), k -> new BatchView(this, new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT sequence_identifier FROM dead_letter_entry WHERE processing_group = ?",
                String.class, group))));
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        BatchView view = view();
        if (view == null) {
            return delegate.enqueueIfPresent(sequenceIdentifier, letterBuilder);
        }
        String sequence = sequenceIdentifier.toString();
        if (!view.parked.contains(sequence)) {
            return false;
        }
        boolean enqueued = delegate.enqueueIfPresent(sequenceIdentifier, letterBuilder);
        if (!enqueued) {
            view.parked.remove(sequence); // released (retried or evicted) since the batch began
        }
        return enqueued;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        delegate.enqueue(sequenceIdentifier, letter);
        BatchView view = view();
        if (view != null) {
            view.parked.add(sequenceIdentifier.toString());
            view.parkedInThisBatch.add(sequenceIdentifier.toString());
        }
    }

    /**
     * Runs {@code work} within a savepoint of the batch's transaction: on failure only the work is undone (PostgreSQL
     * refuses every further statement of a transaction after an error, unless rolled back to a savepoint) and the
     * failure is returned; a failure that says nothing about the events (the database away, a deadlock, no
     * connection) is thrown instead, so that the processor retries the whole batch rather than park good events.
     */
    RuntimeException attempt(Runnable work) {
        jdbc.execute("SAVEPOINT luodi_batch");
        try {
            work.run();
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            jdbc.execute("ROLLBACK TO SAVEPOINT luodi_batch");
            jdbc.execute("RELEASE SAVEPOINT luodi_batch");
            return e;
        }
        jdbc.execute("RELEASE SAVEPOINT luodi_batch");
        return null;
    }

    /**
     * Parks {@code messages}, one project's events in order, the first with {@code cause}. Events of the project that
     * Axon parked earlier in this batch (they came after these) are put back behind them.
     */
    void park(List<? extends EventMessage<?>> messages, Throwable cause) {
        String sequence = sequenceOf(messages.get(0));
        List<DeadLetter<? extends EventMessage<?>>> behind = new ArrayList<>();
        BatchView view = view();
        if (view != null && view.parkedInThisBatch.contains(sequence)) {
            for (DeadLetter<? extends EventMessage<?>> letter : delegate.deadLetterSequence(sequence)) {
                behind.add(letter);
            }
            behind.forEach(delegate::evict);
        }
        // withCause keeps a ThrowableCause as it is; the constructor would wrap it in another
        enqueue(sequence, new GenericDeadLetter<>(sequence, messages.get(0)).withCause(causeOf(cause)));
        for (EventMessage<?> later : messages.subList(1, messages.size())) {
            enqueue(sequence, new GenericDeadLetter<>(sequence, later));
        }
        for (DeadLetter<? extends EventMessage<?>> letter : behind) {
            enqueue(sequence, letter);
        }
    }

    /**
     * What is stored as a letter's error: the failure and its root cause (Axon's "Error while deserializing payload"
     * alone does not say what is wrong with it), within the column's 1,023 characters.
     */
    static ThrowableCause causeOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(failure.getMessage());
        if (root != failure && (root.getMessage() == null || !message.contains(root.getMessage()))) {
            message += " <- " + root.getClass().getSimpleName() + ": " + root.getMessage();
        }
        if (message.length() > ThrowableCause.TRUNCATED_MESSAGE_SIZE) {
            message = message.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE);
        }
        return new ThrowableCause(failure.getClass().getName(), message);
    }

    /** True for failures of the database or the connection, not of the events. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08 connection, 40 rollback (serialization, deadlock), 53 resources, 57 operator (shutdown), 58 system
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57") || state.startsWith("58")) {
                    return true;
                }
            }
        }
        return false;
    }

    // the rest as Axon's queue does it

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        delegate.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater)
            throws NoSuchDeadLetterException {
        delegate.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return delegate.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return delegate.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return delegate.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return delegate.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return delegate.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return delegate.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        return delegate.process(sequenceFilter, task);
    }

    @Override
    public void clear() {
        delegate.clear();
    }

    @Override
    public String toString() {
        return "ParkingQueue[" + group + "]";
    }
}
