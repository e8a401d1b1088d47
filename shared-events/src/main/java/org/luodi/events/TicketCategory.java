package org.luodi.events;

/** What a project's obstacle is about, in the words of seeds 000 and 001 (用地、用能、审批、融资、要素保障). */
public enum TicketCategory {
    LAND("用地"), POWER("用电用能等要素保障"), APPROVALS("审批手续"), FINANCING("融资"), OTHER("其他");

    private final String label;

    TicketCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
