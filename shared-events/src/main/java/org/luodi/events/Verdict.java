package org.luodi.events;

/** A supervisor's finding on a milestone after looking at its proof, or on site. */
public enum Verdict {
    VERIFIED("已核实"), DOUBTFUL("存疑");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
