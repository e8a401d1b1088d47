package org.luodi.query.notify;

/**
 * One thing to tell the offices: its kind, the township it concerns (null: every group), a title, a text and a
 * link back into Luodi. {@code key} names it once for all (e.g. "alert-17"): a robot gets each key at most once.
 */
public record Notice(String key, Kind kind, String township, String title, String text, String link) {
    public enum Kind { OVERDUE_ALERT, OVERDUE_TICKET, OVERDUE_LEAD, RED_WARNING, BULLETIN }
}
