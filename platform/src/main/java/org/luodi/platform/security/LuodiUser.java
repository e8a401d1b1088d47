package org.luodi.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: a username, one role, and the unit a bound role belongs to: a clerk's township, a department
 * account's department (附件2 code), a leader's code (reference/leaders-daye.csv); null for supervisors and admins,
 * who are bound to no unit.
 */
public record LuodiUser(String username, Role role, String unit) {

    public boolean isClerk() {
        return role == Role.CLERK;
    }

    public boolean isSupervisor() {
        return role == Role.SUPERVISOR;
    }

    public boolean isDepartment() {
        return role == Role.DEPARTMENT;
    }

    public boolean isLeader() {
        return role == Role.LEADER;
    }

    /** The leader's code; null for everyone else. */
    public String leader() {
        return isLeader() ? unit : null;
    }

    /**
     * Supervisors, admins and city leaders: every unit's data. A clerk or a department sees only its own. A leader
     * reads the whole county (his projects are any township's) and, like a department, records nothing: every command
     * asks for a clerk or a supervisor.
     */
    public boolean seesEveryUnit() {
        return !isClerk() && !isDepartment();
    }

    /** The clerk's township; null for everyone else. */
    public String township() {
        return isClerk() ? unit : null;
    }

    /** The department account's department; null for everyone else. */
    public String department() {
        return isDepartment() ? unit : null;
    }

    /** A township's projects and figures: its own clerk, and whoever sees every unit (never a department). */
    public boolean mayAccessTownship(String code) {
        return seesEveryUnit() || isClerk() && unit.equals(code);
    }

    /** A department's figures: its own account, and whoever sees every unit (never a clerk). */
    public boolean mayAccessDepartment(String code) {
        return seesEveryUnit() || isDepartment() && unit.equals(code);
    }

    /**
     * One project: its township's clerk, the department it is credited to (read only: a department account sends
     * no command), and whoever sees every unit.
     */
    public boolean mayAccessProject(String township, String creditedDepartment) {
        return isDepartment() ? unit.equals(creditedDepartment) : mayAccessTownship(township);
    }

    public static LuodiUser current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static LuodiUser of(Authentication authentication) {
        if (authentication == null) {
            throw new IllegalStateException("no authenticated user");
        }
        if (authentication instanceof JwtUsers.Authenticated token) {
            return token.user();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof LuodiUserDetails details) {
            return details.user();
        }
        throw new IllegalStateException("unsupported principal " + principal.getClass().getName());
    }
}
