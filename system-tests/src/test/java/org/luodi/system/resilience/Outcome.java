package org.luodi.system.resilience;

/**
 * One attempt at a command and what came back: an HTTP status, or {@link #NO_ANSWER} when the connection failed or
 * timed out (the command may or may not have been recorded). {@code replayed}: the answer is the stored first answer
 * to an earlier attempt with the same Idempotency-Key. Times are {@code System.nanoTime()} values.
 */
record Outcome(Command command, int instance, int status, String contentType, String body, boolean replayed,
               long sentAt, long answeredAt) {
    static final int NO_ANSWER = -1;

    boolean accepted() {
        return status >= 200 && status < 300;
    }

    boolean conflict() {
        return status == 409;
    }

    /** Final: the client knows whether its command was recorded. */
    boolean decided() {
        return accepted() || conflict();
    }

    boolean problemJson() {
        return contentType != null && contentType.startsWith("application/problem+json");
    }

    /** A conflict from two instances writing the same project at once (Axon's ConcurrencyException). */
    boolean concurrentChange() {
        return conflict() && body.contains("concurrent change");
    }

    long latencyMillis() {
        return (answeredAt - sentAt) / 1_000_000;
    }

    @Override
    public String toString() {
        return command.name() + " " + command.key() + " on #" + instance + " -> " + status + " in "
                + latencyMillis() + " ms" + (status >= 300 || status < 0 ? " " + body : "");
    }
}
