package org.luodi.platform.security;

/** SPEC §1: clerks record their own township's milestones, supervisors read all and correct, admins manage. */
public enum Role {
    CLERK, SUPERVISOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
