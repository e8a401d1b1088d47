package org.luodi.events;

/**
 * Where an escalated ticket goes (seed 000 line 616): cross-department problems to a 专题会议 of the departments
 * concerned, problems at the city's level to the 市委、市政府. Ordered: a ticket escalates only upwards.
 */
public enum EscalationLevel {
    MEETING("专题会议协调"), CITY_LEADERS("提请市委、市政府研究");

    private final String label;

    EscalationLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
