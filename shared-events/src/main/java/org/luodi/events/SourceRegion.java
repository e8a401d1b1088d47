package org.luodi.events;

/** Where an investor, or a fund arrival, comes from: 省内, 省外, 境外. */
public enum SourceRegion {
    IN_PROVINCE("省内"), OUT_OF_PROVINCE("省外"), FOREIGN("境外");

    private final String label;

    SourceRegion(String label) {
        this.label = label;
    }

    /** As a clerk reads it. */
    public String label() {
        return label;
    }

    public boolean domestic() {
        return this != FOREIGN;
    }
}
