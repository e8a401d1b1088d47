package org.luodi.platform.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock that tests move by hand: "today" is whatever the test says. */
public class MutableClock extends Clock {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    /** Noon of that day in Asia/Shanghai. */
    public static MutableClock on(LocalDate day) {
        return new MutableClock(day.atTime(12, 0).atZone(SHANGHAI).toInstant());
    }

    public void setToday(LocalDate day) {
        now = day.atTime(12, 0).atZone(SHANGHAI).toInstant();
    }

    public void advance(java.time.Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
