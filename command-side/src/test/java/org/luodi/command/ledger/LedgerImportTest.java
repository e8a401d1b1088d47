package org.luodi.command.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.command.RunningCommandSide;
import org.luodi.command.ledger.Upload.Answer;
import org.luodi.events.CreditCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger import on a real PostgreSQL: a hand-written 大冶-style ledger imports cleanly through the aggregate,
 * the same file again writes nothing, next month's ledger records only what is new, a contradicting cell is an
 * error and writes nothing, and two imports of one file at once record it once.
 */
@RunningCommandSide
class LedgerImportTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("aggregateCache")
    org.axonframework.common.caching.Cache aggregateCache;

    static String credit(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    long eventsWithReason(String fileName) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE convert_from(meta_data, 'UTF8') "
                + "LIKE ?", Long.class, "%台账导入 " + fileName + "%");
    }

    /** A ledger as an office writes it by hand: a title row, 序号, names instead of codes, every date spelling. */
    static List<List<Object>> handWritten(String tag) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("大冶市高新区2024年招商引资项目台账"));
        rows.add(List.of("序号", "项目名称", "投资主体", "所属乡镇", "产业链", "工业项目", "来源地", "签约金额（万元）",
                "签约时间", "注册日期", "公司名称", "统一社会信用代码", "是否外资", "开工日期", "开工类型", "入库日期",
                "入库计划总投资（万元）", "投产日期", "金额单位"));
        rows.add(row(1, "智能装备产业园" + tag, "湖北某某集团", "高新区", "智能装备制造", "是", "省外", "12,000",
                LocalDate.of(2024, 3, 1), "2024/3/15", "大冶某某智能装备有限公司", credit("91420281MA4F0A1B2"), "否",
                "2024.4.20", "新建", "2024年5月20日", "15,000", null, null));
        rows.add(row(2, "新材料项目" + tag, "某某新材料公司", "gaoxin", "新材料", "Y", "省内", "1.5亿", "20240210", null,
                null, null, null, null, null, null, null, null, null));
        rows.add(row(3, "电子信息项目" + tag, "某某电子", "高新", "电子信息", "否", "境外", 2.5,
                "2024-06-01", null, null, null, null, "2024-07-01", "续建", null, null, null, "亿元"));
        return rows;
    }

    static List<Object> row(Object... values) {
        List<Object> list = new ArrayList<>();
        for (Object v : values) {
            list.add(v);
        }
        return list;
    }

    static List<List<Object>> funds(String tag) {
        return List.of(List.of("项目名称", "到位日期", "资金来源", "金额", "单位"),
                row("智能装备产业园" + tag, "2024/4/1", "省外", "3,000", "万元"),
                row("电子信息项目" + tag, LocalDate.of(2024, 7, 15), "境外", 200, null));
    }

    @Test
    void aHandWrittenLedgerImportsCleanlyAndAgainWritesNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] file = Workbooks.of(handWritten(tag), funds(tag));
        long before = events();

        Answer preview = Upload.send(port, "gaoxin", "gaoxin-" + tag + ".xlsx", file, true);
        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        assertThat(preview.body().path("errors")).as(preview.body().toString()).isEmpty();
        JsonNode summary = preview.body().path("summary");
        assertThat(summary.path("newProjects").asInt()).isEqualTo(3);
        // 3 signings; 注册, 开工, 入库 of the first; 开工 of the third; two arrivals
        assertThat(summary.path("events").asInt()).isEqualTo(9);
        assertThat(events()).as("a dry run writes nothing").isEqualTo(before);

        Answer imported = Upload.send(port, "gaoxin", "gaoxin-" + tag + ".xlsx", file, false);
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        assertThat(imported.body().path("recorded").asBoolean()).isTrue();
        assertThat(events()).isEqualTo(before + 9);
        assertThat(eventsWithReason("gaoxin-" + tag + ".xlsx")).isEqualTo(9);
        assertThat(brokenLinks(tag)).as("several events of a project appended together still chain").isEmpty();
        String actor = jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "ORDER BY global_index DESC LIMIT 1", String.class);
        assertThat(actor).contains("\"actor\":\"gaoxin\"");
        // amounts read as written: 1.5亿 is 15000 万元, 2.5 in a 亿元 row 25000, 200 from 境外 in 万美元
        assertThat(payloads("ProjectSigned", tag)).anyMatch(p -> p.contains("新材料项目" + tag)
                && p.contains("\"contractAmountWan\":15000")).anyMatch(p -> p.contains("电子信息项目" + tag)
                && p.contains("\"contractAmountWan\":25000"));

        Answer again = Upload.send(port, "gaoxin", "gaoxin-" + tag + ".xlsx", file, false);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("alreadyImported").asBoolean()).isTrue();
        assertThat(events()).as("the same file again writes nothing").isEqualTo(before + 9);

        // next month: the same rows re-saved (another file), one project has started production, one more arrival
        List<List<Object>> next = handWritten(tag);
        next.get(2).set(17, "2024-11-30");
        List<List<Object>> nextFunds = new ArrayList<>(funds(tag));
        nextFunds.add(row("新材料项目" + tag, "2024-12-01", "省内", 500, null));
        Answer monthly = Upload.send(port, "gaoxin", "gaoxin-12-" + tag + ".xlsx", Workbooks.of(next, nextFunds), false);
        assertThat(monthly.status()).as(monthly.body().toString()).isEqualTo(200);
        assertThat(monthly.body().path("summary").path("unchangedRows").asInt()).isEqualTo(1);
        assertThat(monthly.body().path("summary").path("addedProjects").asInt()).as("the row with its production and the row whose arrival is new").isEqualTo(2);
        assertThat(events()).as("only the production and the new arrival").isEqualTo(before + 11);
        assertThat(brokenLinks(tag)).isEmpty();

        // a cell that contradicts what is recorded: an error pointing to the correction form, nothing written
        List<List<Object>> wrong = handWritten(tag);
        wrong.get(2).set(8, LocalDate.of(2024, 3, 2));
        Answer contradiction = Upload.send(port, "gaoxin", "wrong-" + tag + ".xlsx", Workbooks.of(wrong), false);
        assertThat(contradiction.status()).isEqualTo(400);
        assertThat(contradiction.contentType()).startsWith("application/problem+json");
        assertThat(contradiction.body().path("code").asText()).isEqualTo("ledger.invalid");
        assertThat(contradiction.body().path("errors").get(0).path("field").asText()).isEqualTo("项目台账!I3");
        assertThat(contradiction.body().path("errors").get(0).path("message").asText()).contains("与已录入不一致")
                .contains("更正");
        assertThat(events()).isEqualTo(before + 11);

        // ... unless the office, having seen the preview, says its ledger is right: the cell becomes a correction
        String reason = "?correctionReason=" + java.net.URLEncoder.encode("核对合同原件，以台账为准",
                java.nio.charset.StandardCharsets.UTF_8);
        Answer reviewed = Upload.send(port, "/api/ledger/import" + reason + "&dryRun=true", "gaoxin",
                "wrong-" + tag + ".xlsx", Workbooks.of(wrong));
        assertThat(reviewed.status()).as(reviewed.body().toString()).isEqualTo(200);
        assertThat(reviewed.body().path("errors")).isEmpty();
        JsonNode row = null;
        for (JsonNode r : reviewed.body().path("rows")) {
            if (r.path("row").asInt() == 3 && r.path("sheet").asText().equals("项目台账")) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("status").asText()).isEqualTo("ADDED");
        assertThat(row.path("adds").get(0).asText()).startsWith("更正 签约日期：").endsWith(" → 2024-03-02");
        assertThat(events()).as("a preview writes nothing").isEqualTo(before + 11);
        Answer corrected = Upload.send(port, "/api/ledger/import" + reason, "gaoxin", "wrong-" + tag + ".xlsx",
                Workbooks.of(wrong));
        assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
        assertThat(events()).isEqualTo(before + 12);
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "ORDER BY global_index DESC LIMIT 1", String.class))
                .contains("\"milestone\":\"SIGNING\"", "\"date\":\"2024-03-02\"", "核对合同原件，以台账为准");
    }

    /**
     * The events of the projects signed with {@code tag} whose hash chain does not verify (EventHash recomputed over
     * the stored rows, as the query side's ChainVerifier does), as "project#sequence".
     */
    List<String> brokenLinks(String tag) {
        List<String> broken = new ArrayList<>();
        String[] previous = {null, ""};
        jdbc.query("SELECT aggregate_identifier, sequence_number, payload_type, payload_revision, payload, meta_data "
                + "FROM domain_event_entry WHERE aggregate_identifier IN (SELECT aggregate_identifier FROM "
                + "domain_event_entry WHERE payload_type = 'org.luodi.events.ProjectSigned' AND convert_from(payload, "
                + "'UTF8') LIKE ?) ORDER BY aggregate_identifier, sequence_number", rs -> {
            String id = rs.getString(1);
            if (!id.equals(previous[0])) {
                previous[0] = id;
                previous[1] = "";
            }
            java.util.Map<String, Object> meta;
            try {
                meta = new com.fasterxml.jackson.databind.ObjectMapper().readValue(rs.getBytes(6),
                        new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {
                        });
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            String hash = org.luodi.events.EventHash.of(previous[1], id, rs.getLong(2), rs.getString(3),
                    rs.getString(4), rs.getBytes(5), meta);
            if (!previous[1].equals(meta.get(org.luodi.events.EventHash.PREVIOUS))
                    || !hash.equals(meta.get(org.luodi.events.EventHash.HASH))) {
                broken.add(id + "#" + rs.getLong(2));
            }
            previous[1] = String.valueOf(meta.get(org.luodi.events.EventHash.HASH));
        }, "%" + tag + "%");
        return broken;
    }

    List<String> payloads(String type, String tag) {
        return jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE payload_type = ? "
                + "AND convert_from(payload, 'UTF8') LIKE ?", String.class, "org.luodi.events." + type, "%" + tag + "%");
    }

    @Test
    void aPreviewLeavesNoAggregateWithUnstoredEventsInTheCache() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Answer imported = Upload.send(port, "gaoxin", "without-funds.xlsx", Workbooks.of(handWritten(tag)), false);
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        String id = jdbc.queryForObject("SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type = "
                + "'org.luodi.events.ProjectSigned' AND convert_from(payload, 'UTF8') LIKE ?", String.class,
                "%智能装备产业园" + tag + "%");

        // its funds, previewed: the project's arrival runs through the aggregate, and is rolled back with the preview
        Answer preview = Upload.send(port, "gaoxin", "with-funds.xlsx", Workbooks.of(handWritten(tag), funds(tag)),
                true);
        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        assertThat(preview.body().path("summary").path("events").asInt()).isEqualTo(2);
        assertThat(aggregateCache.containsKey(id)).as("the aggregate that took the previewed arrival").isFalse();
    }

    @Test
    void aFileImportedTwiceAtOnceIsRecordedOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] file = Workbooks.of(handWritten(tag), funds(tag));
        long before = events();
        CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> Upload.send(port, "gaoxin", "a.xlsx", file, false));
        CompletableFuture<Answer> second = CompletableFuture.supplyAsync(() -> Upload.send(port, "gaoxin", "a.xlsx", file, false));
        assertThat(List.of(first.join().status(), second.join().status())).containsOnly(200);
        assertThat(List.of(first.join().body().path("alreadyImported").asBoolean(),
                second.join().body().path("alreadyImported").asBoolean())).containsExactlyInAnyOrder(true, false);
        assertThat(events()).isEqualTo(before + 9);
    }

    @Test
    void aSupervisorImportsForAnyTownshipAndAClerkOnlyForItsOwn() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] file = Workbooks.of(handWritten(tag));
        long before = events();
        Answer clerk = Upload.send(port, "chengui", "other.xlsx", file, false);
        assertThat(clerk.status()).isEqualTo(400);
        assertThat(clerk.body().path("errors").toString()).contains("不能导入其他乡镇的项目");
        assertThat(events()).isEqualTo(before);
        Answer supervisor = Upload.send(port, "supervisor", "city.xlsx", file, false);
        assertThat(supervisor.status()).as(supervisor.body().toString()).isEqualTo(200);
        assertThat(events()).isEqualTo(before + 7);
        Answer admin = Upload.send(port, "admin", "admin.xlsx", file, true);
        assertThat(admin.status()).isEqualTo(403);
    }

    @Test
    void anUploadThatIsNoWorkbookIsRefusedAndWritesNothing() {
        long before = events();
        Answer csv = Upload.send(port, "gaoxin", "ledger.xlsx", "项目名称,乡镇\n某项目,高新区\n".getBytes(StandardCharsets.UTF_8), false);
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.body().path("code").asText()).isEqualTo("ledger.unreadable");
        assertThat(csv.body().path("detail").asText()).contains("CSV");
        assertThat(events()).isEqualTo(before);
    }
}
