package org.luodi.command.lead;

import org.axonframework.messaging.MetaData;
import org.luodi.events.EventMetadata;
import org.luodi.events.LeadUnits;
import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.security.Role;

/**
 * Who sends a lead's command, as its metadata tells it, and the unit ({@link LeadUnits}) that person speaks for: a
 * clerk its township, a department itself, a supervisor the 市招商服务中心. Administrators and county leaders record
 * no leads.
 */
record LeadActor(Role role, String township, String department) {

    static LeadActor from(MetaData metaData) {
        Object role = metaData.get(EventMetadata.ROLE);
        if (role == null) {
            throw new ForbiddenException("未知的操作人");
        }
        return new LeadActor(Role.valueOf(role.toString()), (String) metaData.get(EventMetadata.TOWNSHIP),
                (String) metaData.get(EventMetadata.DEPARTMENT));
    }

    boolean isSupervisor() {
        return role == Role.SUPERVISOR;
    }

    /** The unit this person reports for, or 403 for those who report none. */
    String unit() {
        return switch (role) {
            case CLERK -> township;
            case DEPARTMENT -> department;
            case SUPERVISOR -> LeadUnits.CENTER;
            default -> null;
        };
    }

    void mustReport(String why) {
        if (unit() == null) {
            throw new ForbiddenException(why);
        }
    }

    /** A lead's steps: one of its units, or a supervisor. */
    void mustReach(String reportingUnit, String township, String why) {
        if (isSupervisor()) {
            return;
        }
        String unit = unit();
        if (unit == null || !unit.equals(reportingUnit) && !unit.equals(township)) {
            throw new ForbiddenException(why);
        }
    }

    void mustBeSupervisor(String why) {
        if (!isSupervisor()) {
            throw new ForbiddenException(why);
        }
    }
}
