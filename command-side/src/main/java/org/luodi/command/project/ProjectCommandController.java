package org.luodi.command.project;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.command.api.CanonicalUuid;
import org.luodi.command.api.IdempotentCommands;
import org.luodi.command.project.ProjectCommands.AssignPatronage;
import org.luodi.command.project.ProjectCommands.CorrectAttributes;
import org.luodi.command.project.ProjectCommands.CorrectCredit;
import org.luodi.command.project.ProjectCommands.CorrectMilestone;
import org.luodi.command.project.ProjectCommands.RecordFundsArrival;
import org.luodi.command.project.ProjectCommands.RegisterCompany;
import org.luodi.command.project.ProjectCommands.RetractMilestone;
import org.luodi.command.project.ProjectCommands.SignProject;
import org.luodi.command.project.ProjectCommands.StartConstruction;
import org.luodi.command.project.ProjectCommands.StartProduction;
import org.luodi.command.project.ProjectCommands.StoreProject;
import org.luodi.command.project.ProjectCommands.TerminateProject;
import org.luodi.command.project.ProjectCommands.VoidProject;
import org.luodi.events.InvestorCategory;
import org.luodi.events.Milestone;
import org.luodi.events.ProjectType;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.problem.NotFoundException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** SPEC §7's commands: translates each POST into a command, nothing more. The aggregate decides. */
@RestController
@EnableConfigurationProperties(Plausibility.class)
@RequestMapping("/api/projects")
public class ProjectCommandController {
    private static final String KEY = "Idempotency-Key";

    private final IdempotentCommands commands;

    public ProjectCommandController(IdempotentCommands commands) {
        this.commands = commands;
    }

    public record SignRequest(String projectId, String name, String investor, String township, String industryChain,
                              Boolean industrial, BigDecimal contractAmountWan, SourceRegion sourceRegion,
                              LocalDate signedOn, String introducedBy, BigDecimal plannedInvestmentWan,
                              Set<ProjectType> types, Set<InvestorCategory> investorCategories,
                              Boolean confirmImplausible, String leadId) {
    }

    public record RegistrationRequest(LocalDate registeredOn, String companyName, String creditCode,
                                      Boolean foreignInvested, Boolean exportOriented) {
    }

    public record StartRequest(LocalDate startedOn, StartKind kind) {
    }

    public record StorageRequest(LocalDate storedOn, BigDecimal plannedInvestmentWan, Boolean confirmImplausible) {
    }

    public record ProductionRequest(LocalDate productionOn) {
    }

    public record FundsRequest(LocalDate arrivedOn, SourceRegion source, BigDecimal amountWan,
                               BigDecimal amountUsdWan, Boolean confirmImplausible) {
    }

    public record TerminationRequest(LocalDate terminatedOn, String reason) {
    }

    public record CorrectionRequest(Milestone milestone, Integer arrivalNo, LocalDate date, BigDecimal amountWan,
                                    BigDecimal amountUsdWan, String reason, Boolean confirmImplausible) {
    }

    public record RetractionRequest(Milestone milestone, Integer arrivalNo, String reason) {
    }

    public record VoidRequest(String reason) {
    }

    public record CreditRequest(String department, String reason) {
    }

    public record PatronageRequest(String leader, String serviceTeam, String reason) {
    }

    public record AttributesRequest(String name, String investor, String township, String industryChain,
                                    Boolean industrial, SourceRegion sourceRegion, BigDecimal contractAmountWan,
                                    BigDecimal plannedInvestmentWan, Set<ProjectType> types,
                                    Set<InvestorCategory> investorCategories, String reason,
                                    Boolean confirmImplausible) {
    }

    @Operation(summary = "Sign a project (签约)",
            description = "By the clerk of the project's township; 201 with the projectId (a given UUID, or a new "
                    + "one). plannedInvestmentWan (计划总投资, 万元), types and investorCategories are optional. An amount that looks like a slip of 10,000× is refused 409 (amount.implausible) "
                    + "and nothing is written, unless the body says confirmImplausible: true. leadId (optional): the lead (项目线索) "
                    + "this signing converts, in talks (and through 签约前评审 at 50,000 万元 or more), reported by or "
                    + "settling in this township; it is closed with LeadSigned and the project carries its id and "
                    + "credited units.")
    @PostMapping
    public ResponseEntity<Object> sign(@RequestBody SignRequest body, @RequestHeader(name = KEY, required = false) String key) {
        String id = body.projectId() == null ? UUID.randomUUID().toString() : uuid(body.projectId(), true);
        String leadId = body.leadId() == null ? null : org.luodi.command.api.CanonicalUuid.of(body.leadId());
        if (body.leadId() != null && leadId == null) {
            throw new InvalidInputException("leadId", "须为 UUID");
        }
        return commands.send(key, "POST /api/projects", body,
                new SignProject(id, body.name(), body.investor(), body.township(), body.industryChain(),
                        body.industrial(), body.contractAmountWan(), body.sourceRegion(), body.signedOn(),
                        body.introducedBy(), body.plannedInvestmentWan(), body.types(), body.investorCategories(),
                        body.confirmImplausible(), leadId),
                id, HttpStatus.CREATED, null);
    }

    @Operation(summary = "Record the company's registration (注册)")
    @PostMapping("/{id}/registration")
    public ResponseEntity<Object> register(@PathVariable String id, @RequestBody RegistrationRequest body,
                                           @RequestHeader(name = KEY, required = false) String key) {
        return send(key, id, "registration", body, new RegisterCompany(uuid(id, false), body.registeredOn(),
                body.companyName(), body.creditCode(), body.foreignInvested(), body.exportOriented()), null);
    }

    @Operation(summary = "Record the construction start (开工)")
    @PostMapping("/{id}/start")
    public ResponseEntity<Object> start(@PathVariable String id, @RequestBody StartRequest body,
                                        @RequestHeader(name = KEY, required = false) String key) {
        return send(key, id, "start", body, new StartConstruction(uuid(id, false), body.startedOn(), body.kind()), null);
    }

    @Operation(summary = "Record the storage into the statistics (入库)",
            description = "plannedInvestmentWan in 万元. An amount that looks like a slip of 10,000× is refused 409 "
                    + "(amount.implausible) and nothing is written, unless the body says confirmImplausible: "
                    + "true.")
    @PostMapping("/{id}/storage")
    public ResponseEntity<Object> store(@PathVariable String id, @RequestBody StorageRequest body,
                                        @RequestHeader(name = KEY, required = false) String key) {
        return send(key, id, "storage", body,
                new StoreProject(uuid(id, false), body.storedOn(), body.plannedInvestmentWan(),
                        body.confirmImplausible()), null);
    }

    @Operation(summary = "Record the start of production (投产)")
    @PostMapping("/{id}/production")
    public ResponseEntity<Object> produce(@PathVariable String id, @RequestBody ProductionRequest body,
                                          @RequestHeader(name = KEY, required = false) String key) {
        return send(key, id, "production", body, new StartProduction(uuid(id, false), body.productionOn()), null);
    }

    @Operation(summary = "Record a fund arrival (到位资金)",
            description = "amountWan for domestic money, amountUsdWan (万美元) when the source is FOREIGN. An amount "
                    + "that looks like a slip of 10,000× is refused 409 (amount.implausible) and nothing is "
                    + "written, unless the body says confirmImplausible: true.")
    @PostMapping("/{id}/funds")
    public ResponseEntity<Object> funds(@PathVariable String id, @RequestBody FundsRequest body,
                                        @RequestHeader(name = KEY, required = false) String key) {
        return send(key, id, "funds", body, new RecordFundsArrival(uuid(id, false), body.arrivedOn(), body.source(),
                body.amountWan(), body.amountUsdWan(), body.confirmImplausible()), null);
    }

    @Operation(summary = "Terminate the contract (解约)",
            description = "Not after production; with a reason.")
    @PostMapping("/{id}/termination")
    public ResponseEntity<Object> terminate(@PathVariable String id, @RequestBody TerminationRequest body,
                                            @RequestHeader(name = KEY, required = false) String key) {
        return send(key, id, "termination", body,
                new TerminateProject(uuid(id, false), body.terminatedOn(), body.reason()), body.reason());
    }

    @Operation(summary = "Correct a recorded milestone's date or amount",
            description = "By the project's clerk or a supervisor, with a reason; the correction counts from the "
                    + "moment it is recorded (knownAt), the earlier answers stay reproducible. An amount that "
                    + "looks like a slip of 10,000× is refused 409 (amount.implausible) and nothing is written, "
                    + "unless the body says confirmImplausible: true.")
    @PostMapping("/{id}/corrections")
    public ResponseEntity<Object> correct(@PathVariable String id, @RequestBody CorrectionRequest body,
                                          @RequestHeader(name = KEY, required = false) String key) {
        return send(key, id, "corrections", body, new CorrectMilestone(uuid(id, false), body.milestone(),
                body.arrivalNo(), body.date(), body.amountWan(), body.amountUsdWan(), body.reason(),
                body.confirmImplausible()), body.reason());
    }

    @Operation(summary = "Retract a recorded milestone (supervisors)",
            description = "With a reason; a retracted milestone never counts.")
    @PostMapping("/{id}/retractions")
    public ResponseEntity<Object> retract(@PathVariable String id, @RequestBody RetractionRequest body,
                                          @RequestHeader(name = KEY, required = false) String key) {
        return send(key, id, "retractions", body,
                new RetractMilestone(uuid(id, false), body.milestone(), body.arrivalNo(), body.reason()), body.reason());
    }

    @Operation(summary = "Void the project (supervisors)",
            description = "With a reason; a voided project never counts.")
    @PostMapping("/{id}/void")
    public ResponseEntity<Object> voidProject(@PathVariable String id, @RequestBody VoidRequest body,
                                              @RequestHeader(name = KEY, required = false) String key) {
        return send(key, id, "void", body, new VoidProject(uuid(id, false), body.reason()), body.reason());
    }

    @Operation(summary = "Correct the introducing department (引荐单位; supervisors)",
            description = "department: a code of 附件2, or null/empty for none; with a reason.")
    @PostMapping("/{id}/credit")
    public ResponseEntity<Object> correctCredit(@PathVariable String id, @RequestBody CreditRequest body,
                                                @RequestHeader(name = KEY, required = false) String key) {
        return send(key, id, "credit", body, new CorrectCredit(uuid(id, false), body.department(), body.reason()),
                body.reason());
    }

    @Operation(summary = "Assign the 包保 leader and the 服务专班 (supervisors)",
            description = "leader: a code of reference/leaders-daye.csv, or null/empty for none; serviceTeam: the "
                    + "专班's name (up to 100 characters), or null for none (a blank is refused); with a reason. Replaces the "
                    + "previous assignment; an assignment that changes nothing is refused.")
    @PostMapping("/{id}/patronage")
    public ResponseEntity<Object> assignPatronage(@PathVariable String id, @RequestBody PatronageRequest body,
                                                  @RequestHeader(name = KEY, required = false) String key) {
        return send(key, id, "patronage", body,
                new AssignPatronage(uuid(id, false), body.leader(), body.serviceTeam(), body.reason()), body.reason());
    }

    @Operation(summary = "Correct the project's attributes (更正项目信息)",
            description = "By a supervisor or the clerk of the project's township, with a reason: the attributes "
                    + "given (name, investor, township, industryChain, industrial, sourceRegion, contractAmountWan, "
                    + "plannedInvestmentWan, types, investorCategories) replace the recorded ones, those left out "
                    + "stay; a body that changes nothing is refused. Only a supervisor moves a project to another "
                    + "township. Counts from the moment it is recorded (knownAt). An amount that looks like a slip "
                    + "of 10,000× is refused 409 (amount.implausible) unless the body says confirmImplausible: true.")
    @PostMapping("/{id}/attributes")
    public ResponseEntity<Object> correctAttributes(@PathVariable String id, @RequestBody AttributesRequest body,
                                                    @RequestHeader(name = KEY, required = false) String key) {
        return send(key, id, "attributes", body, new CorrectAttributes(uuid(id, false), body.name(),
                body.investor(), body.township(), body.industryChain(), body.industrial(), body.sourceRegion(),
                body.contractAmountWan(), body.plannedInvestmentWan(), body.types(), body.investorCategories(),
                body.reason(), body.confirmImplausible()), body.reason());
    }

    private ResponseEntity<Object> send(String key, String id, String action, Object body, Object command,
                                        String reason) {
        return commands.send(key, "POST /api/projects/" + id + "/" + action, body, command, id, HttpStatus.OK, reason);
    }

    /** An id that is not a canonical UUID is refused in a body and names no project in a path. */
    private static String uuid(String text, boolean inBody) {
        String canonical = CanonicalUuid.of(text);
        if (canonical != null) {
            return canonical;
        }
        if (inBody) {
            throw new InvalidInputException("projectId", "须为 UUID");
        }
        throw new NotFoundException(NotFoundException.Kind.PROJECT, null);
    }
}
