package org.luodi.query.notify;

import java.time.Instant;

/**
 * A group robot: its name as the office calls the group, the platform, the webhook URL and, for a 钉钉 robot with
 * 加签, its signing secret; the township it serves (null: the whole county). As answered to supervisors, the URL's
 * token and the secret are masked: both let anyone post into the group.
 */
public record Robot(long id, String name, Platform platform, String url, boolean signed, String township,
                    boolean active, String createdBy, Instant createdAt, String reason) {
}
