package org.luodi.query.processing;

import java.util.List;

/**
 * GET /api/admin/processors: how far one read model's processor has read the event store. {@code position} is the
 * lowest position over its segments (a model is only as current as its slowest segment), {@code head} the highest
 * global index in the store, {@code progress} their ratio (1 when caught up). {@code error} is set while a segment
 * fails or events are parked ({@code parkedEvents}, in the dead-letter queue): a model with parked events can still
 * be caught up with the store, but it is not whole.
 */
public record ProcessorStatus(String processingGroup, State state, String stateName, boolean running,
                              boolean replaying, boolean error, Long position, Long head, boolean caughtUp,
                              double progress, long parkedEvents, List<SegmentStatus> segments) {

    /** What an administrator needs to know at a glance; {@code stateName} says it in Chinese. */
    public enum State {
        UP_TO_DATE("运行正常"), CATCHING_UP("追赶中"), REBUILDING("重建中"), STOPPED("已停止"), ERROR("出错"),
        PARKED("有事件被搁置");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    /**
     * One segment: claimed by this instance ({@code claimedHere}, live status) or by another one ({@code owner}, as
     * its last stored token says; idle segments store their token every few seconds only).
     */
    public record SegmentStatus(int segment, String owner, boolean claimedHere, Long position, boolean replaying,
                                boolean caughtUp, String error) {
    }
}
