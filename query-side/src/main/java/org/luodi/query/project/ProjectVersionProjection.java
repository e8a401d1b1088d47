package org.luodi.query.project;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.MetaData;
import org.luodi.events.RecordedAt;
import org.luodi.events.ProjectEvent;
import org.luodi.query.processing.SetAsideIndexes;
import org.luodi.query.processing.UnitOfWorkBatch;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Read model "project-versions": folds each event into a new version of the project (or of one fund arrival),
 * stamped with the event's recordedAt. Events are collected per processor batch and written together by
 * {@link ProjectVersionWriter}; each written batch is announced as {@link ProjectVersionsChanged} so that the alert
 * sweep can look again once the batch is committed and the kept warning ladder marks the batch's projects; a reset
 * as {@link ProjectVersionsReset}.
 */
@Component
@ProcessingGroup(ProjectVersionProjection.GROUP)
public class ProjectVersionProjection {
    public static final String GROUP = "project-versions";

    private final ProjectVersionWriter writer;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher publisher;
    private final SetAsideIndexes indexes;

    ProjectVersionProjection(ProjectVersionWriter writer, JdbcTemplate jdbc, ApplicationEventPublisher publisher,
                             SetAsideIndexes indexes) {
        this.writer = writer;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.indexes = indexes;
    }

    @EventHandler
    void on(ProjectEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId, MetaData metaData,
            @Timestamp Instant timestamp) {
        UnitOfWorkBatch.add(GROUP, new ProjectVersionWriter.Recorded(event, sequence, eventId,
                RecordedAt.of(metaData, timestamp)), this::write);
    }

    private void write(List<ProjectVersionWriter.Recorded> batch) {
        writer.write(batch);
        publisher.publishEvent(new ProjectVersionsChanged(batch.stream().map(r -> r.event().projectId())
                .collect(Collectors.toSet())));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE project_version, fund_arrival_version");
        indexes.setAside(GROUP, "project_version", "fund_arrival_version");
        publisher.publishEvent(new ProjectVersionsReset());
    }
}
