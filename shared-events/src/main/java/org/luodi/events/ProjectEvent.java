package org.luodi.events;

import java.time.LocalDate;

/** Every event of an investment project's life. The aggregate identifier is {@link #projectId()}. */
public sealed interface ProjectEvent permits ProjectSigned, CompanyRegistered, ConstructionStarted, ProjectStored,
        ProductionStarted, FundsArrived, ProjectTerminated, MilestoneCorrected, MilestoneRetracted, ProjectVoided,
        CreditCorrected, AttributesCorrected, PatronageAssigned, EvidenceAttached, MilestoneVerified {

    String projectId();

    /** The business date the event speaks of (Asia/Shanghai), or null when it has none (a retraction, a void). */
    LocalDate occurredOn();
}
