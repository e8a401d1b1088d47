package org.luodi.events;

/** Where an investor, or a fund arrival, comes from: 省内, 省外, 境外. */
public enum SourceRegion {
    IN_PROVINCE, OUT_OF_PROVINCE, FOREIGN;

    public boolean domestic() {
        return this != FOREIGN;
    }
}
