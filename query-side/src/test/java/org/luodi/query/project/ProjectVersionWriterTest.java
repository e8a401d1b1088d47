package org.luodi.query.project;

import org.junit.jupiter.api.Test;
import org.luodi.events.CompanyRegistered;
import org.luodi.events.CreditCorrected;
import org.luodi.events.FundsArrived;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.ProjectEvent;
import org.luodi.events.SourceRegion;
import org.luodi.query.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.luodi.query.SampleEvents.newId;
import static org.luodi.query.SampleEvents.signed;

/**
 * A batch delivered again (a segment split or merged, a token reset by hand) leaves the versions as they were, and
 * the new events of a batch that overlaps what was written are still applied. Written straight through the writer,
 * for a project the event store does not hold, so that the processors never see it.
 */
class ProjectVersionWriterTest extends QuerySideTest {
    @Autowired
    ProjectVersionWriter writer;

    private final String id = newId();
    private final List<ProjectVersionWriter.Recorded> events = new ArrayList<>();

    @Test
    void aRedeliveredBatchChangesNothingAndTheNewEventsAfterItAreApplied() {
        String name = "重投项目\t(二期)\\n\n\r"; // what COPY's text format must escape
        record(signed(id, "gaoxin", name, LocalDate.of(2024, 3, 1)));
        record(new CompanyRegistered(id, LocalDate.of(2024, 4, 1), "重投公司", "91420281MA4F000001", false, false));
        record(new FundsArrived(id, 1, LocalDate.of(2024, 5, 1), SourceRegion.OUT_OF_PROVINCE, new BigDecimal("300"),
                null));
        record(new FundsArrived(id, 2, LocalDate.of(2024, 6, 1), SourceRegion.IN_PROVINCE, new BigDecimal("200"),
                null));
        record(new MilestoneRetracted(id, Milestone.FUNDS, 1, "重复录入"));
        writer.write(events);
        List<Map<String, Object>> projectRows = projectRows();
        List<Map<String, Object>> arrivalRows = arrivalRows();
        assertThat(projectRows).hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("name", name));
        assertThat(projectRows.get(0)) // rounded half up to microseconds, as an INSERT through pgjdbc would be
                .containsEntry("recorded_from", Timestamp.from(Instant.parse("2024-07-01T01:00:00.133595Z")))
                .containsEntry("recorded_to", projectRows.get(1).get("recorded_from"));
        assertThat(arrivalRows).hasSize(2);
        assertThat(arrivalRows.get(0)).containsEntry("arrival_no", 1).containsEntry("version", 2L);
        assertThat(arrivalRows.get(0).get("recorded_to")).isNotNull(); // retracted by the last event

        writer.write(events); // all of it again, the retraction (which made no row) included
        writer.write(events.subList(2, 5));
        assertThat(projectRows()).isEqualTo(projectRows);
        assertThat(arrivalRows()).isEqualTo(arrivalRows);

        record(new MilestoneCorrected(id, Milestone.FUNDS, 2, null, new BigDecimal("250"), null, "金额录入错误"));
        writer.write(events.subList(3, 6)); // the last two again, and one new
        List<Map<String, Object>> corrected = arrivalRows();
        assertThat(corrected).hasSize(3);
        assertThat(corrected.get(1)).containsEntry("version", 3L);
        assertThat(corrected.get(1).get("recorded_to")).isNotNull();
        assertThat(corrected.get(2)).containsEntry("arrival_no", 2).containsEntry("version", 5L)
                .containsEntry("recorded_to", null);
        assertThat((BigDecimal) corrected.get(2).get("amount_wan")).isEqualByComparingTo("250");
        assertThat(projectRows()).isEqualTo(projectRows);
    }

    @Test
    void anotherEventUnderASequenceNumberAlreadyWrittenIsRefusedNotSkipped() {
        record(signed(id, "gaoxin", "序号项目", LocalDate.of(2024, 3, 1)));
        record(new CompanyRegistered(id, LocalDate.of(2024, 4, 1), "原公司", "91420281MA4F000001", false, false));
        writer.write(events);
        // the registration deleted from the store; the next event, another one, takes its number
        ProjectVersionWriter.Recorded reused = new ProjectVersionWriter.Recorded(new CompanyRegistered(id,
                LocalDate.of(2024, 5, 1), "新公司", "91420281MA4F000002", false, false), 1, "event-7", Instant.now());

        assertThatThrownBy(() -> writer.write(List.of(reused))).isInstanceOf(SequenceNumberReused.class)
                .hasMessageContaining("第 1 号事件已由事件 event-1 写入").hasMessageContaining("事件 event-7 又使用");
        assertThat(projectRows()).extracting(row -> row.get("company_name")).containsExactly(null, "原公司");
        writer.write(events.subList(1, 2)); // the event that wrote it, again: a redelivery
        assertThat(projectRows()).hasSize(2);
    }

    /**
     * Arrival rows carry the credit their project had when each version was made; crediting the project anew gives
     * every current arrival a new version, whether the arrival was written in an earlier batch (read from the table)
     * or earlier in the same batch (still pending), and a retracted arrival none.
     */
    @Test
    void aNewCreditGivesEachCurrentArrivalAVersionThatCarriesIt() {
        record(signed(id, "gaoxin", "改引荐项目", LocalDate.of(2024, 3, 1)));
        record(new FundsArrived(id, 1, LocalDate.of(2024, 4, 1), SourceRegion.IN_PROVINCE, new BigDecimal("100"), null));
        record(new FundsArrived(id, 2, LocalDate.of(2024, 4, 2), SourceRegion.IN_PROVINCE, new BigDecimal("200"), null));
        record(new FundsArrived(id, 3, LocalDate.of(2024, 4, 3), SourceRegion.IN_PROVINCE, new BigDecimal("300"), null));
        writer.write(events);
        record(new MilestoneRetracted(id, Milestone.FUNDS, 3, "重复录入"));                        // 4
        record(new FundsArrived(id, 4, LocalDate.of(2024, 5, 1), SourceRegion.FOREIGN, null, new BigDecimal("40")));
        record(new MilestoneCorrected(id, Milestone.FUNDS, 2, null, new BigDecimal("250"), null, "金额有误")); // 6
        record(new CreditCorrected(id, "dept07", "招商局引荐"));                                   // 7
        record(new FundsArrived(id, 5, LocalDate.of(2024, 6, 1), SourceRegion.IN_PROVINCE, new BigDecimal("500"), null));
        writer.write(events.subList(4, 9));

        assertThat(jdbc.queryForList("SELECT arrival_no, version, introduced_by, trim_scale(amount_wan)::text AS amount, "
                        + "recorded_to IS NULL AS current FROM fund_arrival_version WHERE project_id = ? "
                        + "ORDER BY arrival_no, version", id))
                .extracting(row -> row.get("arrival_no") + "/" + row.get("version") + " " + row.get("introduced_by")
                        + " " + row.get("amount") + (Boolean.TRUE.equals(row.get("current")) ? " current" : ""))
                .containsExactly(
                        "1/1 null 100", "1/7 dept07 100 current",           // from the table
                        "2/2 null 200", "2/6 null 250", "2/7 dept07 250 current", // corrected in the batch first
                        "3/3 null 300",                                      // retracted: no new version
                        "4/5 null null", "4/7 dept07 null current",          // arrived in the same batch
                        "5/8 dept07 500 current");                           // arrived after the new credit
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fund_arrival_version WHERE project_id = ? "
                + "AND recorded_to IS NOT NULL AND recorded_to <= recorded_from", Long.class, id)).isZero();

        writer.write(events.subList(4, 9)); // redelivered: nothing moves twice
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fund_arrival_version WHERE project_id = ?", Long.class, id))
                .isEqualTo(9L);
    }

    private void record(ProjectEvent event) {
        int sequence = events.size();
        events.add(new ProjectVersionWriter.Recorded(event, sequence, "event-" + sequence,
                Instant.parse("2024-07-01T01:00:00.133594500Z").plusSeconds(60L * sequence)));
    }

    /** Every column; the arrays as text, since JDBC's arrays are equal only to themselves. */
    private List<Map<String, Object>> projectRows() {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM project_version WHERE project_id = ? "
                + "ORDER BY version", id);
        rows.forEach(row -> row.replaceAll((column, value) -> value instanceof java.sql.Array ? value.toString() : value));
        return rows;
    }

    private List<Map<String, Object>> arrivalRows() {
        return jdbc.queryForList("SELECT * FROM fund_arrival_version WHERE project_id = ? ORDER BY arrival_no, version",
                id);
    }
}
