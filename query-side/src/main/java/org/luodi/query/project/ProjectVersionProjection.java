package org.luodi.query.project;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.luodi.events.Amount;
import org.luodi.events.CurrencyCode;
import org.luodi.events.EventMetadata;
import org.luodi.events.FundsArrived;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.ProjectEvent;
import org.luodi.events.ProjectSigned;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Read model "project-versions": folds each event into a new version of the project (or of one fund arrival),
 * stamped with the event's recordedAt. Redelivered events (after a crash, before the token was stored) are
 * recognised by their sequence number and skipped.
 */
@Component
@ProcessingGroup(ProjectVersionProjection.GROUP)
public class ProjectVersionProjection {
    public static final String GROUP = "project-versions";

    private final ProjectVersions versions;
    private final JdbcTemplate jdbc;

    public ProjectVersionProjection(ProjectVersions versions, JdbcTemplate jdbc) {
        this.versions = versions;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProjectEvent event, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        if (versions.hasVersion(event.projectId(), sequence)) {
            return;
        }
        Instant recordedAt = recordedAt(metaData, timestamp);
        if (event instanceof FundsArrived e) {
            versions.replaceArrival(e.projectId(), arrival(e), e.arrivalNo(), sequence, recordedAt);
        } else if (event instanceof MilestoneCorrected e && e.milestone() == Milestone.FUNDS) {
            FundArrival before = versions.currentArrival(e.projectId(), e.arrivalNo()).orElseThrow();
            versions.replaceArrival(e.projectId(), new FundArrival(before.arrivalNo(),
                    e.date() != null ? e.date() : before.arrivedOn(), before.source(),
                    e.amountWan() != null ? e.amountWan() : before.amountWan(),
                    e.amountUsdWan() != null ? e.amountUsdWan() : before.amountUsdWan()), e.arrivalNo(), sequence,
                    recordedAt);
        } else if (event instanceof MilestoneRetracted e && e.milestone() == Milestone.FUNDS) {
            versions.replaceArrival(e.projectId(), null, e.arrivalNo(), sequence, recordedAt);
        } else if (event instanceof ProjectSigned e) {
            versions.replace(ProjectState.signed(e), sequence, recordedAt);
        } else {
            ProjectState current = versions.current(event.projectId()).orElseThrow();
            versions.replace(current.apply(event), sequence, recordedAt);
        }
    }

    /** FundsArrived (revision 2): its amount goes to the column of its currency, 万元 or 万美元. */
    static FundArrival arrival(FundsArrived e) {
        Amount amount = e.amount();
        BigDecimal cny = amount != null && amount.currency() == CurrencyCode.CNY ? amount.wan() : null;
        BigDecimal usd = amount != null && amount.currency() == CurrencyCode.USD ? amount.wan() : null;
        return new FundArrival(e.arrivalNo(), e.arrivedOn(), e.source(), cny, usd);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE project_version, fund_arrival_version");
    }

    /** When the command side recorded the event (its injected clock); the event's own timestamp otherwise. */
    public static Instant recordedAt(MetaData metaData, Instant timestamp) {
        Object recorded = metaData.get(EventMetadata.RECORDED_AT);
        return recorded == null ? timestamp : Instant.parse(recorded.toString());
    }
}
