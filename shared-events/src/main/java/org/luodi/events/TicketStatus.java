package org.luodi.events;

/**
 * Where a ticket stands. Only ASSIGNED waits on a department, so only an ASSIGNED ticket past its deadline is
 * overdue (逾期未答复).
 */
public enum TicketStatus {
    RAISED("待交办"), ASSIGNED("办理中"), ANSWERED("已答复"), ESCALATED("已提级"), CLOSED("已销号");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Not yet closed: counted among a department's open tickets when it holds one. */
    public boolean open() {
        return this != CLOSED;
    }
}
