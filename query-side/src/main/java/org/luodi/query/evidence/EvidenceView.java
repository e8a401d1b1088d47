package org.luodi.query.evidence;

import org.luodi.events.EvidenceKind;
import org.luodi.events.Milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One file of proof as the pages show it. {@code milestoneDate} is the date of the milestone it proves, as recorded
 * now; {@code predatesMilestone} says a photo's EXIF capture date is more than {@code luodi.evidence.photo-days-before}
 * days before it (a 仪式开工 photographed long before the start it is meant to prove). The EXIF values are the
 * camera's word, shown as such, never proof.
 */
public record EvidenceView(String evidenceId, String projectId, String ticketId, Milestone milestone,
                           String milestoneLabel, LocalDate milestoneDate, String fileName, String mediaType,
                           long size, String sha256, EvidenceKind kind, String kindLabel, LocalDateTime capturedAt,
                           Double latitude, Double longitude, boolean predatesMilestone, Instant attachedAt,
                           String attachedBy, String url, String thumbnailUrl) {
}
