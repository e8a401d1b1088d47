package org.luodi.bench;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines on standard output, each with the wall-clock time and the time since the run began. */
final class Log {
    private static final long START = System.nanoTime();

    private Log() {
    }

    static void say(String line) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - START);
        System.out.printf("[%s +%3d:%02d] %s%n", LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                elapsed.toMinutes(), elapsed.toSecondsPart(), line);
        System.out.flush();
    }
}
