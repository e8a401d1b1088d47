package org.luodi.events;

import java.time.LocalDate;

/**
 * Every event of a lead's life (项目线索 / 项目信息, issue #20): recorded by a unit, assessed (研判), negotiated (在谈,
 * from the 首谈), reviewed (入园预审 / 签约前评审), reported on, paused and resumed, abandoned, or signed as a project.
 * A lead is its own aggregate (id {@link #leadId()}); who recorded each step and why is in the event's metadata.
 */
public sealed interface LeadEvent permits LeadRecorded, LeadAssessed, LeadNegotiationStarted, LeadReviewed,
        LeadProgressReported, LeadFirstReportConfirmed, LeadSuspended, LeadResumed, LeadAbandoned, LeadSigned,
        LeadDateCorrected {

    String leadId();

    /** The business day the step happened (Asia/Shanghai). */
    LocalDate occurredOn();
}
