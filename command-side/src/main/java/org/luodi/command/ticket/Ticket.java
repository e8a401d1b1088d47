package org.luodi.command.ticket;

import org.luodi.command.api.InputChecks;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.luodi.command.evidence.EvidenceCommands.AttachTicketEvidence;
import org.luodi.command.project.ProjectStanding;
import org.luodi.command.ticket.TicketCommands.AnswerTicket;
import org.luodi.command.ticket.TicketCommands.AssignTicket;
import org.luodi.command.ticket.TicketCommands.CloseTicket;
import org.luodi.command.ticket.TicketCommands.EscalateTicket;
import org.luodi.command.ticket.TicketCommands.RaiseTicket;
import org.luodi.command.ticket.TicketCommands.ReopenTicket;
import org.luodi.events.Departments;
import org.luodi.events.EscalationLevel;
import org.luodi.events.TicketAnswered;
import org.luodi.events.TicketAssigned;
import org.luodi.events.TicketClosed;
import org.luodi.events.TicketEscalated;
import org.luodi.events.TicketEvidenceAttached;
import org.luodi.events.TicketRaised;
import org.luodi.events.TicketReopened;
import org.luodi.events.TicketStatus;
import org.luodi.events.WorkingCalendar;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.problem.RuleViolationException;
import org.luodi.platform.time.ClockConfig;
import org.luodi.platform.workdays.WorkingDays;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.luodi.command.api.InputChecks.REASON_LIMIT;
import static org.luodi.command.api.InputChecks.TEXT_LIMIT;
import static org.luodi.command.api.InputChecks.clean;

/**
 * One problem ticket (问题交办, seed 000 line 616; seed 001 lines 3425-3448): raised on a project by its township's
 * clerk or a supervisor, handed by a supervisor to a department of 附件2 with a deadline in working days, answered by
 * that department, then closed (销号) or reopened, or escalated. Handlers decide in the project's order: who may
 * (403), whether the input is sound (400), whether the ticket's state allows it (409); then they apply one event.
 * Every day a ticket speaks of is the day it is recorded (Shanghai): a ticket is worked on now, not back-dated.
 */
@Aggregate
public class Ticket {
    private static final int DEFAULT_WORKING_DAYS = TicketAssigned.DEFAULT_WORKING_DAYS;
    private static final int MAX_WORKING_DAYS = TicketAssigned.MAX_WORKING_DAYS;

    @AggregateIdentifier
    private String ticketId;
    private String projectId;
    private TicketStatus status;
    private String department;
    private int workingDays;
    private EscalationLevel escalation;

    protected Ticket() {
        // for Axon
    }

    @CommandHandler
    public Ticket(RaiseTicket cmd, MetaData metaData, Clock clock, ProjectStandings projects) {
        TicketActor actor = TicketActor.from(metaData);
        actor.mustBeClerkOrSupervisor("只有乡镇专班或市级督查人员可以提交问题");
        new InputChecks()
                .required("projectId", cmd.projectId())
                .required("category", cmd.category())
                .text("description", cmd.description(), TEXT_LIMIT, true)
                .throwIfAny();
        ProjectStanding project = projects.of(cmd.projectId());
        actor.mustReach(project.township(), "不能为其他乡镇的项目提交问题");
        if (project.voided()) {
            throw new RuleViolationException(ErrorCode.PROJECT_VOID, "projectId", "项目已作废，不能提交问题");
        }
        if (project.terminated()) {
            throw new RuleViolationException(ErrorCode.PROJECT_TERMINATED, "projectId", "项目已解约，不能提交问题");
        }
        apply(new TicketRaised(cmd.ticketId(), cmd.projectId(), project.township(), cmd.category(),
                clean(cmd.description()), today(clock)));
    }

    @CommandHandler
    public void handle(AssignTicket cmd, MetaData metaData, Clock clock, WorkingDays calendar) {
        TicketActor.from(metaData).mustBeSupervisor("只有市级督查人员可以交办问题");
        boolean reassigning = department != null;
        new InputChecks()
                .required("department", cmd.department())
                .that(cmd.department() == null || Departments.isDepartment(cmd.department()), "department",
                        "未知的部门代码")
                .that(withinLimit(cmd.workingDays()), "workingDays", "须为 1–" + MAX_WORKING_DAYS + " 个工作日")
                .text("reason", cmd.reason(), REASON_LIMIT, reassigning)
                .throwIfAny();
        mustNotBeClosed();
        if (status == TicketStatus.ANSWERED) {
            throw outOfOrder("已答复的问题请销号，或重新交办原承办部门");
        }
        int days = cmd.workingDays() == null ? DEFAULT_WORKING_DAYS : cmd.workingDays();
        LocalDate today = today(clock);
        WorkingCalendar.Deadline due = calendar.calendar().deadline(today, days);
        apply(new TicketAssigned(ticketId, cmd.department(), today, days, due.dueOn(), due.assumed(),
                reassigning ? clean(cmd.reason()) : null));
    }

    @CommandHandler
    public void handle(AnswerTicket cmd, MetaData metaData, Clock clock) {
        TicketActor actor = TicketActor.from(metaData);
        actor.mustBeDepartment("只有承办部门可以答复问题");
        new InputChecks().text("answer", cmd.answer(), TEXT_LIMIT, true).throwIfAny();
        if (department != null && !department.equals(actor.department())) {
            throw new ForbiddenException("该问题未交办给本部门");
        }
        mustNotBeClosed();
        switch (status) {
            case RAISED -> throw outOfOrder("问题尚未交办，不能答复");
            case ANSWERED -> throw outOfOrder("问题已答复；如需再次办理，由督查人员重新交办");
            case ESCALATED -> throw outOfOrder("问题已提级，待重新交办");
            default -> {
            }
        }
        apply(new TicketAnswered(ticketId, department, today(clock), clean(cmd.answer())));
    }

    @CommandHandler
    public void handle(ReopenTicket cmd, MetaData metaData, Clock clock, WorkingDays calendar,
                       ProjectStandings projects) {
        TicketActor actor = TicketActor.from(metaData);
        actor.mustBeClerkOrSupervisor("只有乡镇专班或市级督查人员可以重新交办问题");
        if (!actor.isSupervisor()) { // the project's township now: a project moved since keeps its tickets with it
            actor.mustReach(projects.of(projectId).township(), "不能重新交办其他乡镇的问题");
        }
        new InputChecks()
                .that(withinLimit(cmd.workingDays()), "workingDays", "须为 1–" + MAX_WORKING_DAYS + " 个工作日")
                .text("reason", cmd.reason(), REASON_LIMIT, true)
                .throwIfAny();
        if (status != TicketStatus.ANSWERED && status != TicketStatus.CLOSED) {
            throw outOfOrder("只有已答复或已销号的问题可以重新交办");
        }
        if (department == null) {
            throw outOfOrder("问题从未交办，请直接交办");
        }
        int days = cmd.workingDays() == null ? workingDays : cmd.workingDays();
        LocalDate today = today(clock);
        WorkingCalendar.Deadline due = calendar.calendar().deadline(today, days);
        apply(new TicketReopened(ticketId, today, department, days, due.dueOn(), due.assumed(), clean(cmd.reason())));
    }

    @CommandHandler
    public void handle(CloseTicket cmd, MetaData metaData, Clock clock) {
        TicketActor.from(metaData).mustBeSupervisor("只有市级督查人员可以销号");
        new InputChecks().text("reason", cmd.reason(), REASON_LIMIT, true).throwIfAny();
        mustNotBeClosed();
        apply(new TicketClosed(ticketId, today(clock), clean(cmd.reason())));
    }

    @CommandHandler
    public void handle(EscalateTicket cmd, MetaData metaData, Clock clock) {
        TicketActor.from(metaData).mustBeSupervisor("只有市级督查人员可以提级");
        new InputChecks()
                .required("level", cmd.level())
                .text("reason", cmd.reason(), REASON_LIMIT, true)
                .throwIfAny();
        mustNotBeClosed();
        if (escalation != null && cmd.level().compareTo(escalation) <= 0) {
            throw outOfOrder("问题已提级至" + escalation.label() + "，只能向上提级");
        }
        apply(new TicketEscalated(ticketId, today(clock), cmd.level(), clean(cmd.reason())));
    }

    /**
     * A file for the ticket (#19): from the project's township clerk, a supervisor, or the department the ticket is
     * assigned to (its answer's proof); a closed ticket takes none.
     */
    @CommandHandler
    public void handle(AttachTicketEvidence cmd, MetaData metaData, Clock clock, ProjectStandings projects) {
        TicketActor actor = TicketActor.from(metaData);
        if (actor.role() == org.luodi.platform.security.Role.DEPARTMENT) {
            if (department == null || !department.equals(actor.department())) {
                throw new ForbiddenException("该问题未交办给本部门");
            }
        } else {
            actor.mustBeClerkOrSupervisor("只有乡镇专班、市级督查人员或承办部门可以为问题附上文件");
            actor.mustReach(projects.of(projectId).township(), "不能为其他乡镇的问题附上文件");
        }
        new InputChecks()
                .required("evidenceId", cmd.evidenceId())
                .required("file", cmd.file())
                .required("kind", cmd.file() == null ? null : cmd.file().kind())
                .throwIfAny();
        mustNotBeClosed();
        apply(new TicketEvidenceAttached(ticketId, cmd.evidenceId(), today(clock), cmd.file()));
    }

    private void mustNotBeClosed() {
        if (status == TicketStatus.CLOSED) {
            throw new RuleViolationException(ErrorCode.TICKET_CLOSED, "问题已销号");
        }
    }

    private static RuleViolationException outOfOrder(String message) {
        return new RuleViolationException(ErrorCode.TICKET_OUT_OF_ORDER, message);
    }

    private static boolean withinLimit(Integer workingDays) {
        return workingDays == null || workingDays >= 1 && workingDays <= MAX_WORKING_DAYS;
    }

    /** Today in Shanghai, whatever zone the injected clock carries. */
    private static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ClockConfig.ZONE);
    }

    @EventSourcingHandler
    void on(TicketRaised e) {
        ticketId = e.ticketId();
        projectId = e.projectId();
        status = TicketStatus.RAISED;
    }

    @EventSourcingHandler
    void on(TicketAssigned e) {
        department = e.department();
        workingDays = e.workingDays();
        status = TicketStatus.ASSIGNED;
    }

    @EventSourcingHandler
    void on(TicketAnswered e) {
        status = TicketStatus.ANSWERED;
    }

    @EventSourcingHandler
    void on(TicketReopened e) {
        workingDays = e.workingDays();
        status = TicketStatus.ASSIGNED;
    }

    @EventSourcingHandler
    void on(TicketEscalated e) {
        escalation = e.level();
        status = TicketStatus.ESCALATED;
    }

    @EventSourcingHandler
    void on(TicketClosed e) {
        status = TicketStatus.CLOSED;
    }
}
