package org.luodi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.luodi.launcher.SideProcess;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Issue #18's import figures, in one run: pgbench's raw single-row insert transactions per second (the baseline of
 * {@link RawInsert}), then a county's whole 台账 (10,000 projects, ~70,000 events) imported by a supervisor into a
 * command side held to -Xmx512m, its events per second against the baseline; then another county's, as an office
 * does it, previewed first and then confirmed; the peak heap from the GC log, and the dry run (preview) of a 200-row
 * township ledger, median of five.
 * <pre>
 * java -cp bench/target/bench-exec.jar -Dloader.main=org.luodi.bench.LedgerBench \
 *      org.springframework.boot.loader.launch.PropertiesLauncher [--projects 10000] [--raw-seconds 30] [--profile]
 * </pre>
 */
public final class LedgerBench {
    private static final String[] TOWNSHIPS = {"高新区", "陈贵镇", "灵乡镇", "金湖街道", "保安镇", "金山店镇", "大箕铺镇",
            "金牛镇", "东岳路街道", "殷祖镇", "刘仁八镇", "茗山乡"};
    private static final String[] CHAINS = {"新材料", "智能装备制造", "电子信息", "生命健康"};
    private static final String[] HEADERS = {"项目名称", "投资方", "乡镇", "产业链", "是否工业项目", "投资来源地",
            "合同金额（万元）", "签约日期", "注册日期", "公司名称", "统一社会信用代码", "是否外资", "开工日期", "开工类型",
            "入库日期", "入库计划总投资（万元）", "投产日期"};

    private LedgerBench() {
    }

    record Figures(double rawTps, int projects, Imported firstImport, double firstRatio, Imported afterPreview,
                   double afterPreviewRatio, double peakHeapMb, boolean outOfMemory, double previewMedianMs) {
    }

    /** One county ledger recorded: its events, the import's seconds, and its preview's when one ran before it. */
    record Imported(int events, double seconds, double previewSeconds) {
        double perSecond() {
            return events / seconds;
        }
    }

    /**
     * Writes a county ledger of {@code projects} and imports it as a supervisor, after its preview if asked; with a
     * {@code profile} name, the command side is recorded during the import (summary in the run's logs).
     */
    private static Imported importCounty(HttpClient http, SideProcess command, Path county, int projects,
                                         Random random, boolean previewFirst, String profile) throws Exception {
        int expected = write(county, projects, null, random);
        Log.say(String.format("ledger of %,d projects, %,d events expected, %,d bytes", projects, expected,
                Files.size(county)));
        double previewSeconds = 0;
        if (previewFirst) {
            long t = System.nanoTime();
            HttpResponse<String> preview = upload(http, command.url(), "supervisor", county, true);
            previewSeconds = (System.nanoTime() - t) / 1e9;
            if (preview.statusCode() != 200) {
                Log.say("preview refused: " + preview.statusCode());
            }
        }
        Profile recording = profile == null ? null : Profile.start(command.process().pid(), profile,
                county.getParent().resolve("logs"));
        long start = System.nanoTime();
        HttpResponse<String> answer = upload(http, command.url(), "supervisor", county, false);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (recording != null) {
            Log.say("profile of the import: " + recording.stop());
        }
        JsonNode body = Http.JSON.readTree(answer.body());
        if (answer.statusCode() != 200 || !body.path("recorded").asBoolean()) {
            Log.say("import refused: " + answer.statusCode() + " " + answer.body().substring(0,
                    Math.min(2000, answer.body().length())));
        }
        return new Imported(body.path("summary").path("events").asInt(), seconds, previewSeconds);
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<String> options = List.of(args);
        int projects = option(options, "--projects", 10_000);
        int rawSeconds = option(options, "--raw-seconds", 30);
        Path root = Path.of(System.getProperty("luodi.root", ".")).toAbsolutePath().normalize();
        try (Cluster cluster = Cluster.start(root, root.resolve("bench/target/ledger-run"))) {
            // First, so that its migrations create the event table the raw baseline copies; it idles meanwhile.
            SideProcess command = cluster.startSide("command-side-512m", "command-side", Map.of(), "-Xmx512m");
            byte[] payload = ("{\"projectId\":\"" + UUID.randomUUID() + "\",\"name\":\"年产10万吨铜基新材料项目\","
                    + "\"investor\":\"湖北某某集团有限公司\",\"township\":\"chengui\",\"industryChain\":\"new-materials\","
                    + "\"industrial\":true,\"contractAmountWan\":50000,\"sourceRegion\":\"OUT_OF_PROVINCE\","
                    + "\"signedOn\":\"2024-03-15\",\"introducedBy\":null,\"introducedByText\":null,"
                    + "\"plannedInvestmentWan\":null,\"types\":[],\"investorCategories\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] meta = ("{\"actor\":\"chengui\",\"role\":\"CLERK\",\"township\":\"chengui\",\"recordedAt\":"
                    + "\"2024-12-05T08:00:00Z\",\"idempotencyKey\":null,\"reason\":null,\"traceId\":\""
                    + UUID.randomUUID() + "\",\"correlationId\":\"" + UUID.randomUUID() + "\",\"eventHash.previous\":"
                    + "\"\",\"eventHash\":\"" + "0".repeat(64) + "\"}").getBytes(StandardCharsets.UTF_8);
            RawInsert.Result raw = RawInsert.run(cluster, Bench.CLIENTS, rawSeconds, payload, meta);
            Log.say(String.format("raw insert: %,.0f transactions/s", raw.tps()));

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // a fresh side's first import, then the office's flow on another county file: its preview, then the
            // import confirmed after it (the side warm: signed in, POI and the command path loaded and compiled)
            // --profile: where each import's time goes (a flight recording of the command side, summarised)
            boolean profiled = options.contains("--profile");
            Imported cold = importCounty(http, command, cluster.work().resolve("county-ledger.xlsx"), projects,
                    new Random(18), false, profiled ? "command-side-first-import" : null);
            Imported confirmed = importCounty(http, command, cluster.work().resolve("county-ledger-2.xlsx"),
                    projects, new Random(19), true, profiled ? "command-side-confirmed-import" : null);
            Heap.Figures heap = Heap.fromGcLog(cluster.gcLog("command-side-512m"),
                    cluster.work().resolve("logs").resolve("command-side-512m.log"))
                    .with(Heap.sample(command.process().pid()));
            Log.say(String.format("first import: %,d events in %.1f s = %,.0f events/s = %.2f × raw; after its "
                            + "preview (%.1f s): %,d events in %.1f s = %,.0f events/s = %.2f × raw; heap peak %.0f MB%s",
                    cold.events(), cold.seconds(), cold.perSecond(), cold.perSecond() / raw.tps(),
                    confirmed.previewSeconds(), confirmed.events(), confirmed.seconds(), confirmed.perSecond(),
                    confirmed.perSecond() / raw.tps(), heap.peakMb(), heap.outOfMemory() ? " OUT OF MEMORY" : ""));

            Path township = cluster.work().resolve("township-ledger.xlsx");
            write(township, 200, "陈贵镇", new Random(200));
            List<Double> previews = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                long t = System.nanoTime();
                HttpResponse<String> preview = upload(http, command.url(), "chengui", township, true);
                if (preview.statusCode() != 200) {
                    Log.say("preview refused: " + preview.body().substring(0, Math.min(1000, preview.body().length())));
                }
                if (i > 0) {
                    previews.add((System.nanoTime() - t) / 1e6);
                }
            }
            Collections.sort(previews);
            double median = previews.get(previews.size() / 2);
            Log.say(String.format("preview of a 200-row township ledger: median %.0f ms of %s", median, previews));
            Figures f = new Figures(raw.tps(), projects, cold, cold.perSecond() / raw.tps(), confirmed,
                    confirmed.perSecond() / raw.tps(), heap.peakMb(), heap.outOfMemory(), median);
            System.out.println(f);
        }
    }

    /** A generated 台账: every project signed in 2024, most registered and started, some stored and producing. */
    private static int write(Path file, int projects, String township, Random random) throws Exception {
        int events = 0;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = wb.createSheet("项目台账");
            Sheet funds = wb.createSheet("到位资金");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            Row fundsHeader = funds.createRow(0);
            String[] fh = {"项目名称", "到位日期", "资金来源", "金额", "单位"};
            for (int i = 0; i < fh.length; i++) {
                fundsHeader.createCell(i).setCellValue(fh[i]);
            }
            int fundsRow = 1;
            String tag = UUID.randomUUID().toString().substring(0, 6);
            for (int p = 0; p < projects; p++) {
                Row row = sheet.createRow(p + 1);
                String name = "台账项目" + tag + "-" + p;
                LocalDate signed = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(150));
                int contract = 1000 + random.nextInt(99_000);
                row.createCell(0).setCellValue(name);
                row.createCell(1).setCellValue("投资方" + p);
                row.createCell(2).setCellValue(township != null ? township : TOWNSHIPS[p % TOWNSHIPS.length]);
                row.createCell(3).setCellValue(CHAINS[p % CHAINS.length]);
                row.createCell(4).setCellValue(p % 5 == 0 ? "否" : "是");
                row.createCell(5).setCellValue(p % 3 == 0 ? "省内" : "省外");
                row.createCell(6).setCellValue(contract);
                dateCell(row, 7, signed, date);
                events++;
                if (p % 10 < 9) {
                    dateCell(row, 8, signed.plusDays(10), date);
                    row.createCell(9).setCellValue("大冶台账" + tag + p + "有限公司");
                    String first17 = String.format("91420281MA%07d", p % 10_000_000);
                    row.createCell(10).setCellValue(first17 + org.luodi.events.CreditCode.checkCharacter(first17));
                    row.createCell(11).setCellValue("否");
                    events++;
                }
                if (p % 10 < 8) {
                    dateCell(row, 12, signed.plusDays(30), date);
                    row.createCell(13).setCellValue("新建");
                    events++;
                    if (p % 10 < 6) {
                        dateCell(row, 14, signed.plusDays(60), date);
                        row.createCell(15).setCellValue(contract * 1.2);
                        events++;
                    }
                    if (p % 10 < 4) {
                        dateCell(row, 16, signed.plusDays(120), date);
                        events++;
                    }
                }
                for (int a = 0; a < 2; a++) {
                    Row f = funds.createRow(fundsRow++);
                    f.createCell(0).setCellValue(name);
                    dateCell(f, 1, signed.plusDays(20 + 40 * a), date);
                    f.createCell(2).setCellValue("省内");
                    f.createCell(3).setCellValue(Math.max(1, contract / 10));
                    f.createCell(4).setCellValue("万元");
                    events++;
                }
            }
            wb.write(out);
        }
        return events;
    }

    private static void dateCell(Row row, int column, LocalDate value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static HttpResponse<String> upload(HttpClient http, String url, String user, Path file, boolean dryRun)
            throws Exception {
        String boundary = "----bench" + UUID.randomUUID();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"" + file.getFileName() + "\"\r\nContent-Type: "
                        + "application/octet-stream\r\n\r\n", StandardCharsets.UTF_8),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url + "/api/ledger/import" + (dryRun ? "?dryRun=true" : "")))
                .timeout(Duration.ofMinutes(20))
                .header("Authorization", Http.basic(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int option(List<String> options, String name, int fallback) {
        int i = options.indexOf(name);
        return i >= 0 ? Integer.parseInt(options.get(i + 1)) : fallback;
    }
}
