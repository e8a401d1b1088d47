package org.luodi.query;

import org.luodi.events.ConstructionStarted;
import org.luodi.events.ProjectSigned;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Short ways to make the events tests need most, with plausible defaults for the fields a test does not care about. */
public final class SampleEvents {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private SampleEvents() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A 1.2 亿元 industrial smart-equipment project from within the province. */
    public static ProjectSigned signed(String projectId, String township, String name, LocalDate signedOn) {
        return new ProjectSigned(projectId, name, name + "投资有限公司", township, "smart-equipment", true,
                new BigDecimal("12000"), SourceRegion.IN_PROVINCE, signedOn, null, null);
    }

    public static ConstructionStarted started(String projectId, LocalDate startedOn) {
        return new ConstructionStarted(projectId, startedOn, StartKind.NEW);
    }

    /** Ten in the morning of {@code day}, Asia/Shanghai: a plausible recordedAt for an entry made that day. */
    public static Instant on(LocalDate day) {
        return day.atTime(10, 0).atZone(SHANGHAI).toInstant();
    }

    public static Instant on(String day) {
        return on(LocalDate.parse(day));
    }
}
