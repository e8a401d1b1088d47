package org.luodi.platform.security;

/**
 * SPEC §1: clerks record their own township's milestones, supervisors read all and correct, admins manage; a
 * department (附件2) reads the projects credited to it and its own row, and records nothing; a city leader who 包保s
 * projects (#19) reads what supervisors read, starting from the projects he 包保s, and records nothing.
 */
public enum Role {
    CLERK("乡镇招商专班"), SUPERVISOR("市级督查"), ADMIN("系统管理员"), DEPARTMENT("部门单位"), LEADER("包保市领导");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
