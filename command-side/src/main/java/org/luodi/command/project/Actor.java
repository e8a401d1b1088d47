package org.luodi.command.project;

import org.axonframework.messaging.MetaData;
import org.luodi.events.EventMetadata;
import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.security.Role;

/** Who sends a command, as the command's metadata tells it; the aggregate decides what that person may do. */
record Actor(String username, Role role, String township, boolean importingLedger) {

    static Actor from(MetaData metaData) {
        Object role = metaData.get(EventMetadata.ROLE);
        if (role == null) {
            throw new ForbiddenException("未知的操作人");
        }
        return new Actor((String) metaData.get(EventMetadata.ACTOR), Role.valueOf(role.toString()),
                (String) metaData.get(EventMetadata.TOWNSHIP),
                Boolean.TRUE.equals(metaData.get(LedgerImports.METADATA_KEY)));
    }

    /**
     * Milestones are recorded by the project's own township clerk, never by someone in its name; or by a supervisor
     * importing a 台账 (issue #18: supervisors import the ledgers of any township).
     */
    void mustBeClerkOf(String projectTownship) {
        if (supervisorImporting()) {
            return;
        }
        mustBeClerk();
        mustReach(projectTownship);
    }

    private boolean supervisorImporting() {
        return importingLedger && role == Role.SUPERVISOR;
    }

    void mustBeClerk() {
        if (supervisorImporting()) {
            return;
        }
        if (role != Role.CLERK) {
            throw new ForbiddenException("只有乡镇专班可以录入里程碑");
        }
    }

    /** Corrections: the project's own clerk, or a supervisor. */
    void mustBeClerkOfOrSupervisor(String projectTownship) {
        if (role == Role.SUPERVISOR) {
            return;
        }
        mustBeClerkOf(projectTownship);
    }

    void mustBeSupervisor() {
        if (role != Role.SUPERVISOR) {
            throw new ForbiddenException("只有市级督查人员可以执行此操作");
        }
    }

    /** A project moves to another township only by a supervisor, never by a clerk of either township. */
    void mustBeSupervisorToMove() {
        if (role != Role.SUPERVISOR) {
            throw new ForbiddenException("只有市级督查人员可以把项目移交其他乡镇");
        }
    }

    private void mustReach(String projectTownship) {
        if (!projectTownship.equals(township)) {
            throw ForbiddenException.otherTownship("不能操作其他乡镇的项目");
        }
    }
}
