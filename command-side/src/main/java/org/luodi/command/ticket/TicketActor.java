package org.luodi.command.ticket;

import org.axonframework.messaging.MetaData;
import org.luodi.events.EventMetadata;
import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.security.Role;

/** Who sends a ticket's command, as its metadata tells it; {@link Ticket} decides what that person may do. */
record TicketActor(Role role, String township, String department) {

    static TicketActor from(MetaData metaData) {
        Object role = metaData.get(EventMetadata.ROLE);
        if (role == null) {
            throw new ForbiddenException("未知的操作人");
        }
        return new TicketActor(Role.valueOf(role.toString()), (String) metaData.get(EventMetadata.TOWNSHIP),
                (String) metaData.get(EventMetadata.DEPARTMENT));
    }

    boolean isSupervisor() {
        return role == Role.SUPERVISOR;
    }

    /** Raising and reopening: the township's own clerk (who hears it from the enterprise) or a supervisor. */
    void mustBeClerkOrSupervisor(String why) {
        if (role != Role.CLERK && role != Role.SUPERVISOR) {
            throw new ForbiddenException(why);
        }
    }

    void mustReach(String projectTownship, String why) {
        if (role == Role.CLERK && !projectTownship.equals(township)) {
            throw ForbiddenException.otherTownship(why);
        }
    }

    /** 交办, 销号 and 提级 are the supervising office's (市服务企业办, 督查室), never a township's or a department's. */
    void mustBeSupervisor(String why) {
        if (role != Role.SUPERVISOR) {
            throw new ForbiddenException(why);
        }
    }

    void mustBeDepartment(String why) {
        if (role != Role.DEPARTMENT || department == null) {
            throw new ForbiddenException(why);
        }
    }
}
