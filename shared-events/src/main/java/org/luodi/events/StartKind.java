package org.luodi.events;

/** 新建 (new construction) or 复工/续建 (resumed or continued construction). */
public enum StartKind {
    NEW("新建"), RESUMED("复工/续建");

    private final String label;

    StartKind(String label) {
        this.label = label;
    }

    /** As a clerk reads it. */
    public String label() {
        return label;
    }
}
