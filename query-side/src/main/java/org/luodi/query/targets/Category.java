package org.luodi.query.targets;

import java.util.Arrays;
import java.util.Optional;

/**
 * A township's category for the year-end ranking (seed 000 line 108, seed 001 lines 487-513): the rewards go to the
 * first two of 一类乡镇 and the first of 二类 and 三类, and the last of each is barred from 优秀; 高新区 is assessed on
 * its own (奖励 100 万 for completing its tasks, no ranking), which {@link #APART} stands for. A township without a
 * category is ranked in none.
 */
public enum Category {
    FIRST("first", "一类乡镇", true),
    SECOND("second", "二类乡镇", true),
    THIRD("third", "三类乡镇", true),
    APART("apart", "单列考核", false);

    /** What the bulletin says of a township without a category. */
    public static final String NONE_LABEL = "未分类";

    private final String key;
    private final String label;
    private final boolean ranked;

    Category(String key, String label, boolean ranked) {
        this.key = key;
        this.label = label;
        this.ranked = ranked;
    }

    /** As stored and shown in JSON. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Whether the townships of this category are ranked among themselves (not 单列考核). */
    public boolean ranked() {
        return ranked;
    }

    public static Optional<Category> byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
