package org.luodi.query.warning;

/** The three colours of the public platforms' ladder, from the mildest up: 提醒, 预警, 督办. */
public enum Colour {
    GREEN("绿色", "提醒"), YELLOW("黄色", "预警"), RED("红色", "督办");

    private final String label;
    private final String meaning;

    Colour(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }
}
