package org.luodi.query.processing;


import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects what a projection's handlers saw during one batch of a streaming processor and hands it over, once,
 * when the batch's unit of work prepares to commit (inside its transaction, with the token update). A projection
 * thus writes a whole batch in a few set-based statements instead of several round trips per event, which is
 * what makes a rebuild fast.
 * <p>
 * A batch that fails is narrowed down instead of retried for ever: within savepoints, each project's part of the
 * batch is written on its own, and in a project that still fails each event on its own; the first event that fails,
 * and the project's later events of the batch, are parked in the group's dead-letter queue ({@link ParkingQueue}) with
 * the error. Everything else of the batch is written and the processor moves on. Axon's dead-letter handling sees
 * only what fails inside a handler (an event that cannot be read), not a failure of this write at the batch's end;
 * and a batch size of 1 would give up the set-based writes. A failure of the database itself is thrown as before,
 * and the processor retries the batch.
 * <p>
 * {@code key} must be the projection's processing group: it names the dead-letter queue too.
 */
public final class UnitOfWorkBatch {
    private static final Logger log = LoggerFactory.getLogger(UnitOfWorkBatch.class);

    private UnitOfWorkBatch() {
    }

    private record Entry<T>(T item, EventMessage<?> message) {
    }

    /** Adds {@code item} to the batch named {@code key}; {@code flush} receives the batch's items in order. */
    public static <T> void add(String key, T item, Consumer<List<T>> flush) {
        if (!CurrentUnitOfWork.isStarted()) {
            flush.accept(List.of(item));
            return;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        UnitOfWork<?> root = current.root();
        List<Entry<T>> entries = root.getOrComputeResource(key, k -> {
            List<Entry<T>> batch = new ArrayList<>();
            root.onPrepareCommit(u -> write(key, batch, flush));
            return batch;
        });
        entries.add(new Entry<>(item, (EventMessage<?>) current.getMessage()));
    }

    private static <T> void write(String group, List<Entry<T>> entries, Consumer<List<T>> flush) {
        ParkingQueue queue = ParkingQueue.ofCurrentBatch(group);
        if (queue == null) {
            flush.accept(items(entries)); // no dead-letter queue here (a retry of parked events): fail as a whole
            return;
        }
        RuntimeException failure = queue.attempt(() -> flush.accept(items(entries)));
        if (failure == null) {
            return;
        }
        log.warn("read model {}: a batch of {} events failed ({}); writing it project by project",
                group, entries.size(), failure.toString());
        Map<String, List<Entry<T>>> byProject = new LinkedHashMap<>();
        entries.forEach(e -> byProject.computeIfAbsent(ParkingQueue.sequenceOf(e.message()), p -> new ArrayList<>())
                .add(e));
        for (List<Entry<T>> project : byProject.values()) {
            if (queue.attempt(() -> flush.accept(items(project))) != null) {
                writeEventByEvent(group, queue, project, flush);
            }
        }
    }

    private static <T> void writeEventByEvent(String group, ParkingQueue queue, List<Entry<T>> project,
                                              Consumer<List<T>> flush) {
        for (int i = 0; i < project.size(); i++) {
            T item = project.get(i).item();
            RuntimeException failure = queue.attempt(() -> flush.accept(List.of(item)));
            if (failure != null) {
                List<EventMessage<?>> parked = project.subList(i, project.size()).stream()
                        .<EventMessage<?>>map(Entry::message).toList();
                log.warn("read model {}: event {} of project {} cannot be applied, parked with {} later event(s) "
                                + "of the project: {}", group, parked.get(0).getIdentifier(),
                        ParkingQueue.sequenceOf(parked.get(0)), parked.size() - 1, failure.toString());
                queue.park(parked, failure);
                return;
            }
        }
    }

    private static <T> List<T> items(List<Entry<T>> entries) {
        return entries.stream().map(Entry::item).toList();
    }
}
