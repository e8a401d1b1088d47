package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.luodi.command.evidence.EvidenceCommands.AttachEvidence;
import org.luodi.command.evidence.EvidenceCommands.VerifyMilestone;
import org.luodi.events.EvidenceAttached;
import org.luodi.events.EvidenceFile;
import org.luodi.events.EvidenceKind;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.MilestoneVerified;
import org.luodi.events.ProjectVoided;
import org.luodi.events.Verdict;

import java.time.LocalDateTime;

import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.invalid;
import static org.luodi.command.project.Given.ADMIN;
import static org.luodi.command.project.Given.CHENGUI_CLERK;
import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.SUPERVISOR;
import static org.luodi.command.project.Given.day;
import static org.luodi.command.project.Given.domesticFunds;
import static org.luodi.command.project.Given.signed;
import static org.luodi.command.project.Given.started;

/**
 * 实证 (#19): a file attaches to a milestone the project has reached (or to the project as a whole), by its township's
 * clerk or a supervisor; a supervisor finds a reached milestone 已核实 or 存疑, 存疑 with a reason.
 */
class EvidenceTest {
    static final String EVIDENCE = "6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final EvidenceFile PHOTO = new EvidenceFile("开工现场.jpg", "image/jpeg", 2_400_000, "0f".repeat(32),
            EvidenceKind.SITE_PHOTO, LocalDateTime.of(2024, 5, 1, 9, 30), 30.09, 114.98);
    private final AggregateTestFixture<InvestmentProject> fixture = Given.fixture();

    @Test
    void theClerkAttachesAPhotoToAStartTheProjectHasMade() {
        fixture.given(signed(), started(day("2024-05-02")))
                .when(new AttachEvidence(ID, EVIDENCE, Milestone.START, PHOTO), GAOXIN_CLERK)
                .expectEvents(new EvidenceAttached(ID, EVIDENCE, Milestone.START, PHOTO));
    }

    @Test
    void aSupervisorAttachesAndAFileMayProveTheProjectAsAWhole() {
        fixture.given(signed())
                .when(new AttachEvidence(ID, EVIDENCE, null, PHOTO), SUPERVISOR)
                .expectEvents(new EvidenceAttached(ID, EVIDENCE, null, PHOTO));
    }

    @Test
    void noProofForAMilestoneNotReachedNorForATermination() {
        fixture.given(signed())
                .when(new AttachEvidence(ID, EVIDENCE, Milestone.START, PHOTO), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("milestone", "尚未记录"));
        Given.fixture().given(signed())
                .when(new AttachEvidence(ID, EVIDENCE, Milestone.FUNDS, PHOTO), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("milestone", "尚未记录"));
        Given.fixture().given(signed(), domesticFunds(1, day("2024-06-01")))
                .when(new AttachEvidence(ID, EVIDENCE, Milestone.FUNDS, PHOTO), GAOXIN_CLERK)
                .expectSuccessfulHandlerExecution();
        Given.fixture().given(signed())
                .when(new AttachEvidence(ID, EVIDENCE, Milestone.TERMINATION, PHOTO), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("milestone"));
    }

    @Test
    void aFileWithoutItsKindOrWithoutAFileIsRefused() {
        EvidenceFile noKind = new EvidenceFile("a.jpg", "image/jpeg", 10, "0f".repeat(32), null, null, null, null);
        fixture.given(signed())
                .when(new AttachEvidence(ID, EVIDENCE, null, noKind), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("kind"));
        Given.fixture().given(signed())
                .when(new AttachEvidence(ID, null, null, null), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("evidenceId", "file", "kind"));
    }

    @Test
    void onlyTheProjectsOwnClerkOrASupervisorAttaches() {
        fixture.given(signed())
                .when(new AttachEvidence(ID, EVIDENCE, null, PHOTO), CHENGUI_CLERK)
                .expectNoEvents().expectException(forbidden());
        Given.fixture().given(signed())
                .when(new AttachEvidence(ID, EVIDENCE, null, PHOTO), ADMIN)
                .expectNoEvents().expectException(forbidden());
    }

    @Test
    void aVoidProjectTakesNoProofAndNoFinding() {
        fixture.given(signed(), started(day("2024-05-02")), new ProjectVoided(ID, "重复录入"))
                .when(new AttachEvidence(ID, EVIDENCE, Milestone.START, PHOTO), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict(null, "已作废"));
        Given.fixture().given(signed(), started(day("2024-05-02")), new ProjectVoided(ID, "重复录入"))
                .when(new VerifyMilestone(ID, Milestone.START, Verdict.VERIFIED, null), SUPERVISOR)
                .expectNoEvents().expectException(conflict(null, "已作废"));
    }

    @Test
    void aSupervisorVerifiesAReachedMilestoneAndDoubtsItOnlyWithAReason() {
        fixture.given(signed(), started(day("2024-05-02")))
                .when(new VerifyMilestone(ID, Milestone.START, Verdict.VERIFIED, null), SUPERVISOR)
                .expectEvents(new MilestoneVerified(ID, Milestone.START, Verdict.VERIFIED, null));
        Given.fixture().given(signed(), started(day("2024-05-02")))
                .when(new VerifyMilestone(ID, Milestone.START, Verdict.DOUBTFUL, " 照片拍摄于开工前两个月 "), SUPERVISOR)
                .expectEvents(new MilestoneVerified(ID, Milestone.START, Verdict.DOUBTFUL, "照片拍摄于开工前两个月"));
        Given.fixture().given(signed(), started(day("2024-05-02")))
                .when(new VerifyMilestone(ID, Milestone.START, Verdict.DOUBTFUL, "  "), SUPERVISOR)
                .expectNoEvents().expectException(invalid("reason"));
        Given.fixture().given(signed())
                .when(new VerifyMilestone(ID, null, null, null), SUPERVISOR)
                .expectNoEvents().expectException(invalid("milestone", "verdict"));
    }

    @Test
    void aMilestoneNotReachedOrRetractedCannotBeVerified() {
        fixture.given(signed())
                .when(new VerifyMilestone(ID, Milestone.START, Verdict.VERIFIED, null), SUPERVISOR)
                .expectNoEvents().expectException(conflict("milestone", "无从核实"));
        Given.fixture().given(signed(), started(day("2024-05-02")),
                        new MilestoneRetracted(ID, Milestone.START, null, "误录"))
                .when(new VerifyMilestone(ID, Milestone.START, Verdict.VERIFIED, null), SUPERVISOR)
                .expectNoEvents().expectException(conflict("milestone", "无从核实"));
    }

    @Test
    void onlyASupervisorVerifies() {
        fixture.given(signed(), started(day("2024-05-02")))
                .when(new VerifyMilestone(ID, Milestone.START, Verdict.VERIFIED, null), GAOXIN_CLERK)
                .expectNoEvents().expectException(forbidden());
    }
}
