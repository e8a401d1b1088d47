package org.luodi.command.api;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.problem.RuleViolationException;
import org.springframework.http.ResponseEntity;

import java.util.function.Supplier;

/**
 * What the controllers of an aggregate of its own (a ticket, a lead) share: ids taken from a path or a body as
 * canonical UUIDs, and Axon's answers about the aggregate turned into the contract's.
 */
public final class AggregateCalls {
    private AggregateCalls() {
    }

    /** One kind of aggregate: its 404, and the 409 (with its body field and message) when a new one's id is taken. */
    public record Kind(NotFoundException.Kind notFound, ErrorCode exists, String idField, String existsMessage) {
        public String pathId(String text) {
            return AggregateCalls.pathId(text, notFound);
        }

        public ResponseEntity<Object> once(String id, Supplier<ResponseEntity<Object>> sending) {
            return AggregateCalls.once(this, id, sending);
        }
    }

    /**
     * Sends; Axon says "no such aggregate", "that id's events are another aggregate's" and "that id is taken" without
     * saying of which kind, and here it can only be {@code kind} (a missing project is answered where it is looked up).
     */
    public static ResponseEntity<Object> once(Kind kind, String id, Supplier<ResponseEntity<Object>> sending) {
        try {
            return sending.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof NotFoundException) {
                    throw e;
                }
                if (names(t, AggregateNotFoundException.class) || names(t, IncompatibleAggregateException.class)) {
                    throw new NotFoundException(kind.notFound(), id);
                }
                if (names(t, AggregateStreamCreationException.class)) {
                    throw new RuleViolationException(kind.exists(), kind.idField(), kind.existsMessage());
                }
            }
            throw e;
        }
    }

    /** Ids are canonical UUIDs; a path id that is not one names nothing of {@code kind}. */
    public static String pathId(String text, NotFoundException.Kind kind) {
        String canonical = CanonicalUuid.of(text);
        if (canonical == null) {
            throw new NotFoundException(kind, null);
        }
        return canonical;
    }

    /** A UUID in the body, or 400 on {@code field}. */
    public static String uuid(String text, String field) {
        String canonical = CanonicalUuid.of(text);
        if (canonical == null) {
            throw new InvalidInputException(field, "须为 UUID");
        }
        return canonical;
    }

    private static boolean names(Throwable t, Class<? extends Throwable> type) {
        return type.isInstance(t) || t instanceof HandlerExecutionException h
                && type.isInstance(h.getDetails().orElse(null));
    }
}
