package org.luodi.query.processing;

/**
 * A read model got into trouble ({@code readModelStalled}: parked events, a failing or a stalled processor) or is well
 * again ({@code readModelRecovered}); pushed to supervisors and administrators on the alert stream, under the event
 * name {@code kind}. {@code problem} is {@link ReadModelWatch.Kind}'s name, {@code message} says it in Chinese.
 */
public record ReadModelNotice(String kind, String processingGroup, String problem, String firstEventIdentifier,
                              String firstProject, Long firstGlobalIndex, String message) {
    public static final String STALLED = "readModelStalled";
    public static final String RECOVERED = "readModelRecovered";
}
