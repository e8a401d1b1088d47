package org.luodi.query.lead;

import org.luodi.events.LeadAbandoned;
import org.luodi.events.LeadAssessed;
import org.luodi.events.LeadDateCorrected;
import org.luodi.events.LeadEvent;
import org.luodi.events.LeadFirstReportConfirmed;
import org.luodi.events.LeadNegotiationStarted;
import org.luodi.events.LeadProgressReported;
import org.luodi.events.LeadResumed;
import org.luodi.events.LeadReviewed;
import org.luodi.events.LeadSigned;
import org.luodi.events.LeadStage;
import org.luodi.events.LeadSuspended;
import org.luodi.events.ReviewKind;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A lead's row of the "leads" read model, in memory while {@link LeadProjection} writes a batch: read once (or made
 * from its report), changed by each event in order, written once. What each event does to a lead is here. Besides
 * the lead's stage and dates it keeps four facts from which a trigger works out what the lead owes (V165):
 * {@code followedUp}, {@code afterAssessment}, {@code resumedOn} and {@code latestStepOn}.
 */
final class LeadRow {
    /** Columns set when the lead is reported and never changed after. */
    final String leadId;
    final String unit;
    final String township;
    final String investor;
    final String creditCode;
    final String project;
    final BigDecimal expectedAmountWan;
    final String targetCompanies;
    final String source;
    final LocalDate recordedOn;
    final String possibleDuplicates;

    String stage = LeadStage.INFO.name();
    String suspendedAt;
    LocalDate assessedOn;
    LocalDate firstTalkOn;
    String ledBy;
    boolean contractReviewed;
    LocalDate closedOn;
    String projectId;
    String creditedUnits;
    String firstUnit;
    LocalDate lastReportOn;
    boolean followedUp;
    boolean afterAssessment;
    LocalDate resumedOn;
    LocalDate latestStepOn;
    Instant updatedAt;
    long lastSequence;

    LeadRow(String leadId, String unit, String township, String investor, String creditCode, String project,
            BigDecimal expectedAmountWan, String targetCompanies, String source, LocalDate recordedOn,
            String possibleDuplicates) {
        this.leadId = leadId;
        this.unit = unit;
        this.township = township;
        this.investor = investor;
        this.creditCode = creditCode;
        this.project = project;
        this.expectedAmountWan = expectedAmountWan;
        this.targetCompanies = targetCompanies;
        this.source = source;
        this.recordedOn = recordedOn;
        this.possibleDuplicates = possibleDuplicates;
    }

    /** The row as stored. */
    static LeadRow read(ResultSet rs) throws SQLException {
        LeadRow row = new LeadRow(rs.getString("lead_id"), rs.getString("unit"), rs.getString("township"),
                rs.getString("investor"), rs.getString("credit_code"), rs.getString("project"),
                rs.getBigDecimal("expected_amount_wan"), rs.getString("target_companies"), rs.getString("source"),
                rs.getObject("recorded_on", LocalDate.class), rs.getString("possible_duplicates"));
        row.stage = rs.getString("stage");
        row.suspendedAt = rs.getString("suspended_at");
        row.assessedOn = rs.getObject("assessed_on", LocalDate.class);
        row.firstTalkOn = rs.getObject("first_talk_on", LocalDate.class);
        row.ledBy = rs.getString("led_by");
        row.contractReviewed = rs.getBoolean("contract_reviewed");
        row.closedOn = rs.getObject("closed_on", LocalDate.class);
        row.projectId = rs.getString("project_id");
        row.creditedUnits = rs.getString("credited_units");
        row.firstUnit = rs.getString("first_unit");
        row.lastReportOn = rs.getObject("last_report_on", LocalDate.class);
        row.followedUp = rs.getBoolean("followed_up");
        row.afterAssessment = rs.getBoolean("after_assessment");
        row.resumedOn = rs.getObject("resumed_on", LocalDate.class);
        row.latestStepOn = rs.getObject("latest_step_on", LocalDate.class);
        row.updatedAt = rs.getTimestamp("updated_at").toInstant();
        row.lastSequence = rs.getLong("last_sequence");
        return row;
    }

    /** What one event after the report does to the lead. */
    void apply(LeadEvent event) {
        if (event instanceof LeadAssessed e) {
            stage = LeadStage.ASSESSED.name();
            assessedOn = e.assessedOn();
            followedUp = true;
        } else if (event instanceof LeadNegotiationStarted e) {
            stage = LeadStage.NEGOTIATING.name();
            firstTalkOn = e.firstTalkOn();
            ledBy = e.ledBy();
            followedUp();
        } else if (event instanceof LeadReviewed e) {
            if (e.passed()) {
                stage = LeadStage.REVIEWED.name();
                contractReviewed |= e.kind() == ReviewKind.CONTRACT_REVIEW;
            }
            lastReportOn = e.reviewedOn();
            followedUp();
            step(e.reviewedOn());
        } else if (event instanceof LeadProgressReported e) {
            lastReportOn = e.reportedOn();
            followedUp();
            step(e.reportedOn());
        } else if (event instanceof LeadFirstReportConfirmed e) {
            firstUnit = e.firstUnit();
        } else if (event instanceof LeadSuspended e) {
            stage = LeadStage.SUSPENDED.name();
            suspendedAt = e.stage().name();
        } else if (event instanceof LeadResumed e) {
            stage = e.stage().name();
            suspendedAt = null;
            lastReportOn = e.resumedOn();
            resumedOn = later(resumedOn, e.resumedOn());
            step(e.resumedOn());
        } else if (event instanceof LeadAbandoned e) {
            stage = LeadStage.ABANDONED.name();
            closedOn = e.abandonedOn();
        } else if (event instanceof LeadSigned e) {
            stage = LeadStage.SIGNED.name();
            closedOn = e.signedOn();
            projectId = e.projectId();
            creditedUnits = String.join(",", e.creditedUnits());
        } else if (event instanceof LeadDateCorrected e) {
            if ("LeadAssessed".equals(e.step())) {
                assessedOn = e.date();
            } else {
                firstTalkOn = e.date();
            }
        }
    }

    /** A 首谈, a review or a progress report: a follow-up, and one after the 研判 if there was one before it. */
    private void followedUp() {
        followedUp = true;
        afterAssessment |= assessedOn != null;
    }

    /** A review, a progress report or a resumption on {@code day}. */
    private void step(LocalDate day) {
        latestStepOn = later(latestStepOn, day);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || b != null && b.isAfter(a) ? b : a;
    }
}
