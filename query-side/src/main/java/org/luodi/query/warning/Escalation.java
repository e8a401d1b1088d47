package org.luodi.query.warning;

/**
 * Who follows a warning up: the township while it is green or yellow, and once red the higher offices the longer it
 * stays red ({@link WarningProperties.Steps}).
 */
public enum Escalation {
    TOWNSHIP("乡镇（园区）督办"), COUNTY_OFFICE("市招商服务中心督办"), GOVERNMENT("市政府督办");

    private final String label;

    Escalation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
