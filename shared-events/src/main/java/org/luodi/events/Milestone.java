package org.luodi.events;

/** The milestones a correction or a retraction can name. */
public enum Milestone {
    SIGNING("签约"), REGISTRATION("注册"), START("开工"), STORAGE("入库"), PRODUCTION("投产"), FUNDS("到位资金"),
    TERMINATION("解约");

    private final String label;

    Milestone(String label) {
        this.label = label;
    }

    /** As a clerk reads it. */
    public String label() {
        return label;
    }
}
